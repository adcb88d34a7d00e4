using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Messaging.Commands;

namespace PLKumkm.Bot.Tests.Messaging.Commands;

/// <summary>The command table is the only declaration of the chat's commands: handlers, routing and menu follow it.</summary>
public sealed class CommandTableTests
{
    private static readonly CommandTable Table = ChatCommands.Table;

    [Fact]
    public void Every_handler_has_an_entry_and_every_entry_a_handler()
    {
        var handlers = typeof(CommandTable).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessageHandler).IsAssignableFrom(t))
            .ToHashSet();

        Assert.Empty(handlers.Except(Table.HandlerTypes).Select(t => t.Name));
        Assert.Empty(Table.HandlerTypes.Except(handlers).Select(t => t.Name));
    }

    [Fact]
    public void Every_handler_of_the_table_is_registered()
    {
        var registered = new ServiceCollection().AddChatCommands().Select(d => d.ServiceType).ToHashSet();

        Assert.All(Table.HandlerTypes, t => Assert.Contains(t, registered));
        Assert.Contains(typeof(CommandRouter), registered);
    }

    [Fact]
    public void An_entry_without_a_handler_is_refused()
    {
        var entry = new CommandEntry(typeof(string), "nothing");

        var e = Assert.Throws<ArgumentException>(() => Table.With(entry));
        Assert.Contains("String", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_of_two_entries_is_refused()
    {
        var entry = new CommandEntry(typeof(FallbackHandler), "bantuan");

        var e = Assert.Throws<ArgumentException>(() => Table.With(entry));
        Assert.Contains("/bantuan", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/start", "start")]
    [InlineData("/START@PlKumkmBot koperasi", "start")]
    [InlineData("/language en", "bahasa")]
    [InlineData("/team", "tim")]
    [InlineData("/unduh xlsx", "ekspor")]
    [InlineData("/chart Sumsel", "grafik")]
    public void A_command_is_matched_by_any_of_its_names(string text, string entry)
    {
        var call = Table.Match(text);

        Assert.NotNull(call);
        Assert.Equal(entry, call.Entry?.Names[0]);
    }

    [Fact]
    public void An_unknown_command_is_matched_without_an_entry_and_plain_text_not_at_all()
    {
        Assert.Equal(new CommandCall(null, "foo", "bar"), Table.Match("/foo bar"));
        Assert.Null(Table.Match("progress OKU"));
    }

    [Theory]
    [InlineData("/kembali", "Back")]
    [InlineData("back", "Back")]
    [InlineData("/skip@PlKumkmBot", "Skip")]
    [InlineData("batalkan", "Cancel")]
    [InlineData("tolong", "Help")]
    public void The_questionnaire_s_own_commands_are_the_table_s(string text, string expected) =>
        Assert.Equal(Enum.Parse<SessionCommand>(expected), SessionCommands.Parse(text));

    [Fact]
    public void The_questionnaire_s_own_commands_belong_to_an_open_questionnaire()
    {
        var own = Table.Entries.Where(e => e.WhileAnswering == WhileAnswering.BelongsToQuestionnaire);

        Assert.Equal([ChatCommands.Help, ChatCommands.Back, ChatCommands.Skip, ChatCommands.Cancel], own);
    }

    [Fact]
    public void The_menu_is_the_entries_with_a_menu_line_in_table_order()
    {
        var expected = Table.Entries.Where(e => e.Menu is not null).Select(e => new MenuCommand(e.Names[0], e.Menu!));

        Assert.Equal(expected, CommandMenu.All);
        Assert.Equal(CommandHelpTexts.Menu, CommandMenu.All.Select(c => (c.Command, c.Description.Id, c.Description.En)));
    }

    [Fact]
    public void Every_help_word_of_the_table_is_shown_where_it_belongs()
    {
        foreach (var entry in Table.Entries)
        {
            foreach (var (section, words) in entry.Help)
            {
                var text = section switch
                {
                    HelpSection.Group => CommandHelp.Group,
                    HelpSection.QuestionHint => CommandHelp.QuestionHint,
                    HelpSection.Enumerator => CommandHelp.For(Bot.Storage.Entities.PersonRole.Enumerator),
                    HelpSection.Coordinator => CommandHelp.For(Bot.Storage.Entities.PersonRole.Coordinator),
                    HelpSection.Official => CommandHelp.For(Bot.Storage.Entities.PersonRole.Official),
                    HelpSection.Admin => CommandHelp.For(Bot.Storage.Entities.PersonRole.Admin),
                    _ => CommandHelp.Owner,
                };
                Assert.Contains(words.Id, text.Id, StringComparison.Ordinal);
                Assert.Contains(words.En, text.En, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_group_help_lists_the_commands_answered_in_groups()
    {
        var answered = Table.Entries.Where(e => e.InGroups == InGroups.Answered).Select(e => e.Names[0]);

        Assert.Equal(["progress", "peringkat", "grafik"], answered);
        Assert.Equal(CommandHelpTexts.Group, CommandHelp.Group);
    }

    [Fact]
    public void The_help_texts_read_as_they_did_before_the_table()
    {
        Assert.Equal(CommandHelpTexts.Owner, CommandHelp.For(Bot.Storage.Entities.PersonRole.Owner));
        Assert.Equal(CommandHelpTexts.QuestionHint, CommandHelp.QuestionHint);
        Assert.Equal(CommandHelpTexts.QuestionHint, EngineTexts.CommandsHint);
        foreach (var (role, staff) in CommandHelpTexts.Staff)
        {
            var below = role == Bot.Storage.Entities.PersonRole.Enumerator ? CommandHelpTexts.Owner : CommandHelpTexts.OwnerBelowDigestLine;
            Assert.Equal(staff.Append(below, "\n\n"), CommandHelp.For(role));
        }
    }
}
