using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Tests.Messaging;

/// <summary>
/// A committed batch is acknowledged before its replies are sent (they go out while the next batch is processed);
/// one chat's replies still arrive in commit order, also when an earlier one failed and has to be sent again.
/// </summary>
public sealed class DeliveryLaneTests(DeliveryLaneTests.Bot bot) : IClassFixture<DeliveryLaneTests.Bot>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TestDatabase _db = bot.Database;
    private readonly ControlledSender _sender = bot.Sender;
    private readonly IHost _host = bot.Host;

    public sealed class Bot : IAsyncLifetime
    {
        internal TestDatabase Database { get; } = new();

        internal ControlledSender Sender { get; } = new();

        public IHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = BotHost.Build(HostMode.Tool, [Database.ConfigArg], builder => builder.Services.AddSingleton<IChannelSender>(Sender));
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
    public async Task A_batch_is_committed_before_its_replies_are_sent_and_the_next_batch_queues_behind_them()
    {
        var held = _sender.Hold("11");

        var first = await CommitAsync(Text("11", "lane-a1", "halo"));
        var second = await CommitAsync(Text("11", "lane-a2", "/bantuan"), Text("12", "lane-b1", "halo"));

        // Both batches are stored (the channel may acknowledge them) while the first reply is still on its way.
        Assert.False(first.Delivered.IsCompleted);
        Assert.False(second.Delivered.IsCompleted);
        await using (var db = _db.Open())
        {
            // Stored as keyed hashes (a WhatsApp key encodes the sender's number).
            var (a1, a2) = (db.Protection.Hash("lane-a1"), db.Protection.Hash("lane-a2"));
            Assert.Equal(2, await db.InboundUpdates.CountAsync(u => u.UpdateKey == a1 || u.UpdateKey == a2));
        }

        Assert.Empty(_sender.SentTo("11"));

        held.SetResult();
        await second.Delivered.WaitAsync(Wait);
        Assert.True(first.Delivered.IsCompleted);
        Assert.Equal(await CommittedAsync("11"), _sender.SentTo("11"));
        Assert.Equal(await CommittedAsync("12"), _sender.SentTo("12"));
        Assert.True(_sender.SentTo("11").Count >= 2);
        await using (var db = _db.Open())
        {
            Assert.Equal(0, await db.Outbox.CountAsync(o => (o.Address == "test:11" || o.Address == "test:12") && o.SentAt == null));
        }
    }

    [Fact]
    public async Task A_failed_reply_holds_back_the_chats_later_replies_until_it_is_sent_again_in_order()
    {
        var held = _sender.Hold("21");
        var first = await CommitAsync(Text("21", "lane-c1", "halo"));
        var second = await CommitAsync(Text("21", "lane-c2", "/bantuan"), Text("22", "lane-d1", "halo"));
        _sender.FailOnce("21");
        held.SetResult();
        await second.Delivered.WaitAsync(Wait);

        // The first reply failed; the second, queued before that was known, must not overtake it.
        Assert.Empty(_sender.SentTo("21"));
        Assert.Equal(await CommittedAsync("22"), _sender.SentTo("22"));
        Assert.True(first.Delivered.IsCompleted);

        var delivery = _host.Services.GetRequiredService<OutboxDelivery>();
        Assert.Equal((await CommittedAsync("21")).Count, await delivery.DeliverStalledAsync(CancellationToken.None));

        Assert.Equal(await CommittedAsync("21"), _sender.SentTo("21"));
        Assert.Equal(0, delivery.StalledCount);

        // The chat is live again: a new reply goes straight out, after the others.
        var third = await CommitAsync(Text("21", "lane-c3", "halo"));
        await third.Delivered.WaitAsync(Wait);
        Assert.Equal(await CommittedAsync("21"), _sender.SentTo("21"));
        Assert.True(_sender.SentTo("21").Count >= 3);
    }

    [Fact]
    public async Task Stopping_the_lane_mid_work_ends_what_waits_on_it_instead_of_leaving_it_hanging()
    {
        using var database = new TestDatabase();
        var sender = new ControlledSender();
        var host = BotHost.Build(HostMode.Tool, [database.ConfigArg], builder => builder.Services.AddSingleton<IChannelSender>(sender));
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var delivery = host.Services.GetRequiredService<OutboxDelivery>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            sender.FailOnce("31");
            var processor = (IInboundBatchProcessor)scope.ServiceProvider.GetRequiredService<IInboundProcessor>();
            await processor.ProcessBatchAsync([Text("31", "lane-e1", "halo")], CancellationToken.None);
        }

        // The chat is stalled; its backlog is being sent (held) when the host goes away.
        Assert.Equal(1, delivery.StalledCount);
        var held = sender.Hold("31");
        var backlog = delivery.DeliverStalledAsync(CancellationToken.None);
        var queued = delivery.FlushAsync();
        await sender.HeldSendStarted("31").WaitAsync(Wait);
        host.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backlog.WaitAsync(Wait));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Wait));
        // The send cut off by the stop delivered nothing and is not marked sent: the next start sends it.
        Assert.Empty(sender.SentTo("31"));
        await using var db = database.Open();
        Assert.Contains(await db.Outbox.Where(o => o.Address == ControlledSender.ChannelName + ":31").ToListAsync(), o => o.SentAt is null);
    }

    private async Task<InboundBatchResult> CommitAsync(params InboundMessage[] messages)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var processor = (IInboundBatchProcessor)scope.ServiceProvider.GetRequiredService<IInboundProcessor>();
        var result = await processor.CommitBatchAsync(messages, CancellationToken.None);
        Assert.Empty(result.Failures);
        return result;
    }

    /// <summary>The chat's replies as committed, in commit order.</summary>
    private async Task<List<string>> CommittedAsync(string chat)
    {
        await using var db = _db.Open();
        var payloads = await db.Outbox.Where(o => o.Address == $"test:{chat}").OrderBy(o => o.Id).Select(o => o.PayloadJson).ToListAsync();
        return [.. payloads.Select(p => OutboxPayload.Deserialize(p).Text)];
    }

    private static InboundMessage Text(string chat, string key, string text) =>
        new(ControlledSender.ChannelName, chat, key, DateTimeOffset.UnixEpoch, new TextInput(text), "Tester");

    /// <summary>Records what it sends; a chat's sends can be held back or made to fail once.</summary>
    internal sealed class ControlledSender : IChannelSender
    {
        public const string ChannelName = "test";
        private readonly ConcurrentQueue<(string ChatId, string Text)> _sent = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new();
        private readonly ConcurrentDictionary<string, byte> _failOnce = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _entered = new();

        public string Channel => ChannelName;

        public TaskCompletionSource Hold(string chatId)
        {
            _entered[chatId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _held[chatId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        /// <summary>Completes once a send to the held chat has started waiting.</summary>
        public Task HeldSendStarted(string chatId) => _entered[chatId].Task;

        public void FailOnce(string chatId) => _failOnce[chatId] = 0;

        public List<string> SentTo(string chatId) => [.. _sent.Where(s => s.ChatId == chatId).Select(s => s.Text)];

        async Task IChannelSender.SendAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken)
        {
            if (_held.TryRemove(chatId, out var held))
            {
                _entered[chatId].TrySetResult();
                await held.Task.WaitAsync(cancellationToken);
            }

            if (_failOnce.TryRemove(chatId, out _))
            {
                throw new HttpRequestException("channel unavailable");
            }

            _sent.Enqueue((chatId, message.Text));
        }

        Task IChannelSender.ShowTypingAsync(string chatId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
