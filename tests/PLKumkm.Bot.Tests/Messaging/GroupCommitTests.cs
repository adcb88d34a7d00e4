using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Messaging.Commands;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Tests.Messaging;

/// <summary>
/// The inbound processor applies a batch of updates in one transaction: every update stays atomic (a failing
/// one leaves no trace, the others are committed), updates keep their order and a known update key is skipped.
/// </summary>
public sealed class GroupCommitTests(GroupCommitTests.Bot bot) : IClassFixture<GroupCommitTests.Bot>
{
    private readonly TestDatabase _db = bot.Database;
    private readonly RecordingSender _sender = bot.Sender;
    private readonly IHost _host = bot.Host;

    /// <summary>One host and database for the class (the region seeding takes seconds); tests use their own chats and keys.</summary>
    public sealed class Bot : IAsyncLifetime
    {
        internal TestDatabase Database { get; } = new();

        internal RecordingSender Sender { get; } = new();

        public IHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = BotHost.Build(HostMode.Tool, [Database.ConfigArg], builder =>
            {
                builder.Services.AddSingleton<IChannelSender>(Sender);
                // Tried before every other plain-text trigger.
                builder.Services.AddScoped<FailingHandler>();
                builder.Services.AddSingleton(ChatCommands.Table.With(new CommandEntry(typeof(FailingHandler))
                {
                    Trigger = PlainTrigger.Text(text => text == FailingHandler.Boom, TriggerPrecedence.BeforeQuestionnaire),
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
    public async Task A_failing_update_leaves_no_trace_while_the_rest_of_the_batch_is_committed_and_delivered_in_order()
    {
        var failures = await ProcessAsync(Text("1", "k1", "/bahasa en"), Text("2", "k2", FailingHandler.Boom), Text("1", "k3", "/bahasa id"));

        var failure = Assert.Single(failures);
        Assert.Equal("k2", failure.Message.UpdateKey);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        await using var db = _db.Open();
        // Update keys are stored as keyed hashes.
        var keys = new[] { "k1", "k2", "k3" }.ToDictionary(db.Protection.Hash);
        var stored = await db.InboundUpdates.Select(u => u.UpdateKey).ToListAsync();
        Assert.Equal(["k1", "k3"], stored.Where(keys.ContainsKey).Select(h => keys[h]).Order());
        // The failing update had created its person and changed it before throwing: all rolled back.
        Assert.Equal(["test:1"], await db.PersonAddresses.Where(a => a.Address == "test:1" || a.Address == "test:2").Select(a => a.Address).ToListAsync());
        Assert.Equal(0, await db.People.CountAsync(p => p.Name == FailingHandler.Mutated));
        Assert.Equal(2, await db.Outbox.CountAsync(o => o.Address == "test:1" && o.SentAt != null));
        Assert.Equal(0, await db.Outbox.CountAsync(o => o.Address == "test:2"));
        // In the order the updates came: the first switched to English, the second back.
        Assert.Equal(["OK, I will reply in English.", "Baik, saya akan menjawab dalam Bahasa Indonesia."],
            _sender.Sent.Where(s => s.ChatId == "1").Select(s => s.Text));
        Assert.DoesNotContain(_sender.Sent, s => s.ChatId == "2");
    }

    [Fact]
    public async Task An_update_key_seen_before_or_twice_in_one_batch_has_one_effect()
    {
        await ProcessAsync(Text("7", "dup", "halo"), Text("7", "dup", "halo"));
        await ProcessAsync(Text("7", "dup", "halo"), Text("7", "next", "halo"));

        await using var db = _db.Open();
        var (dup, next) = (db.Protection.Hash("dup"), db.Protection.Hash("next"));
        Assert.Equal(2, await db.InboundUpdates.CountAsync(u => u.UpdateKey == dup || u.UpdateKey == next));
        Assert.Equal(2, await db.Outbox.CountAsync(o => o.Address == "test:7"));
        Assert.Equal(2, _sender.Sent.Count(s => s.ChatId == "7"));
    }

    [Fact]
    public async Task A_single_failing_update_still_throws_to_its_caller()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<IInboundProcessor>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => processor.ProcessAsync(Text("3", "k9", FailingHandler.Boom), CancellationToken.None));
        await using var db = _db.Open();
        var k9 = db.Protection.Hash("k9");
        Assert.Equal(0, await db.InboundUpdates.CountAsync(u => u.UpdateKey == k9));
    }

    private async Task<IReadOnlyList<InboundFailure>> ProcessAsync(params InboundMessage[] messages)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var processor = (IInboundBatchProcessor)scope.ServiceProvider.GetRequiredService<IInboundProcessor>();
        return await processor.ProcessBatchAsync(messages, CancellationToken.None);
    }

    private static InboundMessage Text(string chat, string key, string text) =>
        new(RecordingSender.ChannelName, chat, key, DateTimeOffset.UnixEpoch, new TextInput(text), "Tester");

    internal sealed class RecordingSender : IChannelSender
    {
        public const string ChannelName = "test";
        private readonly ConcurrentQueue<(string ChatId, string Text)> _sent = new();

        internal IReadOnlyList<(string ChatId, string Text)> Sent => [.. _sent];

        public string Channel => ChannelName;

        Task IChannelSender.SendAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken)
        {
            _sent.Enqueue((chatId, message.Text));
            return Task.CompletedTask;
        }

        Task IChannelSender.ShowTypingAsync(string chatId, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Changes the person and saves, then throws: the worst case for atomicity.</summary>
    private sealed class FailingHandler : IMessageHandler
    {
        public const string Boom = "boom";
        public const string Mutated = "mutated";

        public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
        {
            if (context.Text != Boom)
            {
                return false;
            }

            context.Person.Name = Mutated;
            await context.Db.SaveChangesAsync(cancellationToken);
            throw new InvalidOperationException("handler failure");
        }
    }
}
