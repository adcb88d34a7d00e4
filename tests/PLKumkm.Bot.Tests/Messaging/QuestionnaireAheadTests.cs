using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Tests.Messaging;

/// <summary>
/// A batch's questionnaire steps are worked out beside the writer (<see cref="QuestionnaireAhead"/>). Here every step is
/// worked out before the writer starts (so which ones it takes does not depend on timing): a step taken must be the
/// step the writer would have worked out itself, and one worked out from what an earlier update of the batch changed
/// must not be taken. Each chat is compared with a chat that sends the same, one update per batch.
/// </summary>
public sealed class QuestionnaireAheadTests(QuestionnaireAheadTests.Bot bot) : IClassFixture<QuestionnaireAheadTests.Bot>
{
    private const string Name = "Siti   Aminah";
    private const string Nik = "1601 0745 0890 0001";
    private readonly GroupCommitTests.RecordingSender _sender = bot.Sender;

    public sealed class Bot : IAsyncLifetime
    {
        internal TestDatabase Database { get; } = new();

        internal GroupCommitTests.RecordingSender Sender { get; } = new();

        public IHost Host { get; private set; } = null!;

        internal QuestionnaireAhead Ahead => Host.Services.GetRequiredService<QuestionnaireAhead>();

        public async Task InitializeAsync()
        {
            Host = BotHost.Build(HostMode.Tool, [Database.ConfigArg], builder =>
            {
                builder.Services.AddSingleton<IChannelSender>(Sender);
                builder.Services.AddSingleton(sp => new QuestionnaireAhead(sp.GetRequiredService<ConversationEngine>()) { WorkOutFirst = true });
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
    public async Task Steps_worked_out_ahead_are_the_steps_the_writer_works_out()
    {
        string[] chats = ["q1", "q2", "q3"];
        var taken = bot.Ahead.Taken;
        foreach (var text in new[] { "/daftar", "ya", Name, Nik })
        {
            await ProcessAsync([.. chats.Select(c => Text(c, text))]);
            await ProcessAsync(Text("q-solo", text));
        }

        // The consent, the name and the NIK of each of the three (a batch of one is not worked out ahead).
        Assert.Equal(9, bot.Ahead.Taken - taken);
        var solo = Replies("q-solo");
        Assert.Contains(solo, r => r.StartsWith("(3/28)", StringComparison.Ordinal));
        Assert.All(chats, c => Assert.Equal(solo, Replies(c)));
        Assert.All(chats, c => Assert.Equal(Answers("q-solo"), Answers(c)));
    }

    [Fact]
    public async Task A_chat_answering_twice_in_a_batch_has_its_second_answer_taken_for_the_next_question()
    {
        foreach (var text in new[] { "/daftar", "ya" })
        {
            await ProcessAsync(Text("t1", text));
            await ProcessAsync(Text("t-solo", text));
        }

        await ProcessAsync(Text("t1", Name), Text("t1", Nik));
        await ProcessAsync(Text("t-solo", Name));
        await ProcessAsync(Text("t-solo", Nik));

        Assert.Equal(Replies("t-solo"), Replies("t1"));
        Assert.Equal(Answers("t-solo"), Answers("t1"));
    }

    [Fact]
    public async Task A_language_chosen_earlier_in_the_batch_is_the_language_of_the_next_step()
    {
        foreach (var text in new[] { "/daftar", "ya" })
        {
            await ProcessAsync(Text("l1", text));
            await ProcessAsync(Text("l-solo", text));
        }

        await ProcessAsync(Text("l1", "/bahasa en"), Text("l1", Name));
        await ProcessAsync(Text("l-solo", "/bahasa en"));
        await ProcessAsync(Text("l-solo", Name));

        Assert.Contains(Replies("l1"), r => r.StartsWith("(2/28) What is the owner's NIK?", StringComparison.Ordinal));
        Assert.Equal(Replies("l-solo"), Replies("l1"));
    }

    private List<string> Replies(string chat) => [.. _sender.Sent.Where(s => s.ChatId == chat).Select(s => s.Text)];

    private string Answers(string chat)
    {
        using var db = bot.Database.Open();
        var personId = db.PersonAddresses.Where(a => a.Address == "test:" + chat).Select(a => a.PersonId).Single();
        var state = SessionStore.Read(db.Sessions.AsNoTracking().Single(s => s.PersonId == personId && s.IsActive));
        return string.Join("; ", state.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))
               + $" | {state.Stage} {state.CurrentQuestionId}";
    }

    private async Task ProcessAsync(params InboundMessage[] messages)
    {
        await using var scope = bot.Host.Services.CreateAsyncScope();
        var processor = (IInboundBatchProcessor)scope.ServiceProvider.GetRequiredService<IInboundProcessor>();
        var failures = await processor.ProcessBatchAsync(messages, CancellationToken.None);
        Assert.Empty(failures.Select(f => f.Exception.ToString()));
    }

    private static InboundMessage Text(string chat, string text) =>
        new(GroupCommitTests.RecordingSender.ChannelName, chat, Guid.NewGuid().ToString("N"), DateTimeOffset.UnixEpoch, new TextInput(text), "Tester");
}
