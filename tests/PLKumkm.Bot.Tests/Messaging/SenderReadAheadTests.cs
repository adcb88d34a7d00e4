using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Messaging.Commands;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.Tests.Messaging;

/// <summary>
/// A batch reads its senders (chat address, person, open session) in two queries at its start; an update gets what
/// was read only while nothing earlier in the batch wrote it. Each test's first batch makes its people; the second
/// is the one looked at.
/// </summary>
public sealed class SenderReadAheadTests(SenderReadAheadTests.Bot bot) : IClassFixture<SenderReadAheadTests.Bot>
{
    private const string EnumeratorHelpLine = "/kinerja";
    private readonly TestDatabase _db = bot.Database;
    private readonly GroupCommitTests.RecordingSender _sender = bot.Sender;

    public sealed class Bot : IAsyncLifetime
    {
        internal TestDatabase Database { get; } = new();

        internal GroupCommitTests.RecordingSender Sender { get; } = new();

        internal CapturingLoggerProvider Log { get; } = new();

        public IHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = BotHost.Build(HostMode.Tool, [Database.ConfigArg], builder =>
            {
                builder.Services.AddSingleton<IChannelSender>(Sender);
                builder.Logging.AddProvider(Log);
                builder.Logging.AddFilter<CapturingLoggerProvider>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
                builder.Services.AddScoped<RoleChangingHandler>();
                builder.Services.AddSingleton(ChatCommands.Table.With(new CommandEntry(typeof(RoleChangingHandler))
                {
                    Trigger = PlainTrigger.Text(RoleChangingHandler.Recognises, TriggerPrecedence.BeforeQuestionnaire),
                }));
            });
            await Host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        public Task DisposeAsync()
        {
            Host.Dispose();
            Database.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_batch_of_known_senders_reads_their_chats_and_sessions_in_one_query_each()
    {
        string[] chats = ["r1", "r2", "r3", "r4", "r5"];
        await ProcessAsync([.. chats.Select(c => Text(c, $"{c}-a", "/start"))]);
        var before = bot.Log.Entries.Count;

        await ProcessAsync([.. chats.Select(c => Text(c, $"{c}-b", "/bantuan"))]);

        var commands = bot.Log.Entries.Skip(before).Where(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command").Select(e => e.Message).ToList();
        // SQLite quotes the names, PostgreSQL does not.
        Assert.Single(commands, c => Regex.IsMatch(c, "FROM \"?person_addresses\"? .*JOIN \"?people\"?", RegexOptions.Singleline));
        Assert.Single(commands, c => Regex.IsMatch(c, "FROM \"?sessions\"? "));
        Assert.All(chats, c => Assert.Equal(2, _sender.Sent.Count(s => s.ChatId == c)));
    }

    [Fact]
    public async Task The_same_chat_twice_in_a_batch_is_answered_the_second_time_as_the_first_left_it()
    {
        await ProcessAsync(Text("s1", "s1-a", "halo"));

        await ProcessAsync(Text("s1", "s1-b", "/bahasa en"), Text("s1", "s1-c", "/bantuan"));

        Assert.Contains("/bahasa id — Bahasa Indonesia", _sender.Sent.Where(s => s.ChatId == "s1").Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_erasure_earlier_in_the_batch_the_same_chat_writes_as_a_new_person()
    {
        await ProcessAsync(Text("x1", "x1-a", "/bahasa en"));
        long erased;
        await using (var before = _db.Open())
        {
            erased = await before.PersonAddresses.Where(a => a.Address == "test:x1").Select(a => a.PersonId).SingleAsync();
        }

        await ProcessAsync(Text("x1", "x1-b", "hapus data saya"), Text("x1", "x1-c", "/hapus ya"), Text("x1", "x1-d", "/bantuan"));

        await using var db = _db.Open();
        var now = await db.PersonAddresses.Include(a => a.Person).SingleAsync(a => a.Address == "test:x1");
        Assert.NotEqual(erased, now.PersonId);
        Assert.Equal("id", now.Person!.Language);
        // The help of a newcomer, in the default language: nothing of the erased person is used.
        Assert.Contains("/bahasa en — English", _sender.Sent.Where(s => s.ChatId == "x1").Last().Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RoleChangingHandler.Tracked)]
    [InlineData(RoleChangingHandler.Bulk)]
    public async Task A_role_given_by_an_earlier_update_of_the_batch_counts_for_the_next(string how)
    {
        var chat = $"e-{how}";
        await ProcessAsync(Text(chat, $"{chat}-a", "halo"), Text("admin", $"{chat}-admin-a", "halo"));

        await ProcessAsync(Text("admin", $"{chat}-admin-b", $"{how} test:{chat}"), Text(chat, $"{chat}-b", "/bantuan"));

        Assert.Contains(EnumeratorHelpLine, _sender.Sent.Where(s => s.ChatId == chat).Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_folded_into_another_by_an_earlier_update_writes_as_the_one_they_became()
    {
        await ProcessAsync(Text("m-old", "m-old-a", "halo"), Text("m-new", "m-new-a", "halo"));
        long mover;
        await using (var before = _db.Open())
        {
            mover = await before.PersonAddresses.Where(a => a.Address == "test:m-old").Select(a => a.PersonId).SingleAsync();
        }

        // The channel says the person at m-old now writes from m-new, where someone else was known already: that one is
        // folded into the person who moved, whose language the next message chooses.
        await ProcessAsync(
            new InboundMessage(GroupCommitTests.RecordingSender.ChannelName, "m-old", "m-moved", DateTimeOffset.UnixEpoch, new ChatMovedInput("m-new", null)),
            Text("m-new", "m-new-b", "/bahasa en"));

        await using var db = _db.Open();
        Assert.Equal(mover, await db.PersonAddresses.Where(a => a.Address == "test:m-new").Select(a => a.PersonId).SingleAsync());
        Assert.False(await db.PersonAddresses.AnyAsync(a => a.Address == "test:m-old"));
        Assert.Equal("en", await db.People.Where(p => p.Id == mover).Select(p => p.Language).SingleAsync());
    }

    private async Task ProcessAsync(params InboundMessage[] messages)
    {
        await using var scope = bot.Host.Services.CreateAsyncScope();
        var processor = (IInboundBatchProcessor)scope.ServiceProvider.GetRequiredService<IInboundProcessor>();
        var failures = await processor.ProcessBatchAsync(messages, CancellationToken.None);
        Assert.Empty(failures.Select(f => f.Exception.ToString()));
    }

    private static InboundMessage Text(string chat, string key, string text) =>
        new(GroupCommitTests.RecordingSender.ChannelName, chat, key, DateTimeOffset.UnixEpoch, new TextInput(text), "Tester");

    /// <summary>"tracked test:5" or "bulk test:5": makes the person at that address an enumerator, through the change
    /// tracker or with one bulk statement (as a coordinator's decision might).</summary>
    private sealed class RoleChangingHandler : IMessageHandler
    {
        public const string Tracked = "tracked";
        public const string Bulk = "bulk";

        public static bool Recognises(string text) => text.StartsWith(Tracked + " ", StringComparison.Ordinal) || text.StartsWith(Bulk + " ", StringComparison.Ordinal);

        public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
        {
            if (context.Text is not { } text || !Recognises(text))
            {
                return false;
            }

            var address = text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            var db = context.Db;
            if (text.StartsWith(Bulk, StringComparison.Ordinal))
            {
                var personId = await db.PersonAddresses.Where(a => a.Address == address).Select(a => a.PersonId).SingleAsync(cancellationToken);
                await db.People.Where(p => p.Id == personId)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Role, PersonRole.Enumerator).SetProperty(p => p.RegionCode, "16.01"), cancellationToken);
            }
            else
            {
                var person = (await db.PersonAddresses.Include(a => a.Person).SingleAsync(a => a.Address == address, cancellationToken)).Person!;
                person.Role = PersonRole.Enumerator;
                person.RegionCode = "16.01";
                await db.SaveChangesAsync(cancellationToken);
            }

            context.Reply("ok");
            return true;
        }
    }
}
