using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Observability;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// Delivers committed replies through their channel and marks them sent; failures stay for a retry.
/// A chat with an older reply still unsent (a failed delivery, or left over by a crash) is "stalled": its newer
/// replies are not sent live but wait for <see cref="DeliverStalledAsync"/>, which sends the chat's backlog in
/// commit order, so a reply never overtakes an earlier one.
/// Everything that sends from the outbox goes through one lane, in the order it was queued: committed batches (queued
/// right after their commit, inside the write gate, so in commit order), the stalled chats' backlogs and the retries.
/// The lane lets a channel go on with its next batch while the previous one's replies are still being sent, and keeps
/// one chat's replies in order without any per-chat bookkeeping: a round sends every chat of what is queued in
/// parallel, one chat's replies one after another.
/// </summary>
internal sealed partial class OutboxDelivery(
    IEnumerable<IChannelSender> senders,
    IServiceScopeFactory scopes,
    WriteGate gate,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger,
    BotMetrics? metrics = null) : IAsyncDisposable, IDisposable
{
    private readonly Dictionary<string, IChannelSender> _senders =
        senders.GroupBy(s => s.Channel).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    private const int MaxChatsInParallel = 16;
    private const int MaxAttempts = 50;

    private readonly ConcurrentDictionary<string, byte> _stalled = new(StringComparer.Ordinal);
    private readonly Channel<LaneWork> _lane = Channel.CreateUnbounded<LaneWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startLock = new();
    private Task? _laneLoop;

    /// <summary>Addresses whose replies wait for the backlog to be sent first.</summary>
    public int StalledCount => _stalled.Count;

    /// <summary>
    /// Queues just-committed replies for delivery; the task completes when they have been sent (or left for a retry).
    /// Call it inside the write gate, right after the commit: the lane then holds batches in commit order, and a chat
    /// with a backlog keeps its new replies back for <see cref="DeliverStalledAsync"/>, which reads them from the outbox.
    /// </summary>
    public Task EnqueueCommitted(IEnumerable<OutboxMessage> committed)
    {
        List<OutboxMessage> live = [.. committed.Where(m => !_stalled.ContainsKey(m.Address))];
        return live.Count == 0 ? Task.CompletedTask : Queue(new LaneWork.Deliver(live));
    }

    /// <summary>Completes when everything queued so far has been through the lane.</summary>
    public Task FlushAsync() => Queue(new LaneWork.Barrier());

    /// <summary>At start-up: every chat with unsent replies (a crash between commit and delivery) is stalled.</summary>
    public async Task StallUnsentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var channels = _senders.Keys.Select(c => c + ":").ToList();
        var addresses = await db.Outbox.AsNoTracking()
            .Where(o => o.SentAt == null && o.Attempts < MaxAttempts)
            .Select(o => o.Address).Distinct().ToListAsync(cancellationToken);
        foreach (var address in addresses.Where(a => channels.Any(c => a.StartsWith(c, StringComparison.Ordinal))))
        {
            _stalled[address] = 0;
        }
    }

    /// <summary>
    /// Sends each stalled chat's unsent replies, oldest first, until it has none left (then its replies go live
    /// again) or a delivery fails (it stays stalled for the next pass). Returns how many were sent.
    /// </summary>
    public Task<int> DeliverStalledAsync(CancellationToken cancellationToken) =>
        QueueCounted(new LaneWork.Stalled(), cancellationToken);

    private async Task<int> DeliverStalledInLaneAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxChatsInParallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(_stalled.Keys.ToList(), parallel, async (address, ct) =>
        {
            var sent = await DeliverBacklogAsync(address, ct);
            Interlocked.Add(ref total, sent);
        });
        return total;
    }

    private async Task<int> DeliverBacklogAsync(string address, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            List<OutboxMessage> backlog;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
                // Under the gate: a batch committing now either sees the chat stalled (and leaves its replies
                // here) or commits after this query found nothing and the stall was lifted.
                using (await gate.EnterAsync(cancellationToken))
                {
                    backlog = await db.Outbox.AsNoTracking()
                        .Where(o => o.Address == address && o.SentAt == null && o.Attempts < MaxAttempts)
                        .OrderBy(o => o.Id).Take(100).ToListAsync(cancellationToken);
                    if (backlog.Count == 0)
                    {
                        _stalled.TryRemove(address, out _);
                        return total;
                    }
                }
            }

            var sent = new List<long>();
            var failed = new List<(long Id, string Error)>();
            await DeliverChatAsync(backlog, sent, failed, cancellationToken);
            await MarkAsync(sent, failed, cancellationToken);
            total += sent.Count;
            if (failed.Count > 0)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// Sends replies: one chat's strictly in order (stopping at the first failure, so nothing overtakes
    /// it), different chats in parallel; then marks them all in one statement.
    /// </summary>
    private async Task DeliverRoundAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var sent = new List<long>();
        var failed = new List<(long Id, string Error)>();
        var chats = messages.GroupBy(m => m.Address, StringComparer.Ordinal).ToList();
        if (chats.Count == 1)
        {
            await DeliverChatAsync(chats[0], sent, failed, cancellationToken);
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxChatsInParallel, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(chats, parallel, (chat, ct) => new ValueTask(DeliverChatAsync(chat, sent, failed, ct)));
        }

        await MarkAsync(sent, failed, cancellationToken);

        // Only now, with what was sent marked: DeliverStalledAsync re-reads the chat's unsent replies and must not
        // take a sent-but-unmarked one for unsent. Until it has caught up, the chat's new replies wait for it.
        var byId = messages.ToDictionary(m => m.Id);
        foreach (var (id, _) in failed)
        {
            _stalled[byId[id].Address] = 0;
        }
    }

    private async Task DeliverChatAsync(IEnumerable<OutboxMessage> messages, List<long> sent, List<(long Id, string Error)> failed, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            var (channel, chatId) = ChannelAddress.Split(message.Address);
            if (!_senders.TryGetValue(channel, out var sender))
            {
                lock (failed)
                {
                    failed.Add((message.Id, $"no sender for channel '{channel}'"));
                }

                continue;
            }

            try
            {
                await sender.SendAsync(chatId, OutboxPayload.Deserialize(message.PayloadJson), cancellationToken);
                lock (sent)
                {
                    sent.Add(message.Id);
                }

                metrics?.ReplySent(channel);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                metrics?.SendFailed(channel, e.GetType().Name);
                if (sender.DescribeExpectedFault(e) is { } fault)
                {
                    LogDeliveryDeferred(channel, message.Id, fault);
                }
                else
                {
                    LogDeliveryFailed(e, channel, message.Id);
                }

                lock (failed)
                {
                    failed.Add((message.Id, e.GetType().Name));
                }

                // Later replies to the same chat wait too (now and, once marked, in later batches), so the
                // conversation never arrives out of order.
                break;
            }
        }
    }

    /// <summary>
    /// Retries what is still unsent (after a crash or a channel outage), oldest first. Only messages older
    /// than <paramref name="minAge"/> are taken, so one being delivered right now is not sent twice.
    /// </summary>
    public Task<int> RetryPendingAsync(int batchSize, TimeSpan minAge, CancellationToken cancellationToken) =>
        QueueCounted(new LaneWork.Retry(batchSize, minAge), cancellationToken);

    private async Task<int> RetryPendingInLaneAsync(int batchSize, TimeSpan minAge, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - minAge;
        List<OutboxMessage> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var channels = _senders.Keys.Select(c => c + ":").ToList();
            pending = await db.Outbox.AsNoTracking()
                .Where(o => o.SentAt == null && o.Attempts < MaxAttempts && o.CreatedAt <= cutoff)
                .OrderBy(o => o.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            pending = pending.Where(o => channels.Any(c => o.Address.StartsWith(c, StringComparison.Ordinal))
                && !_stalled.ContainsKey(o.Address)).ToList();
        }

        await DeliverRoundAsync(pending, cancellationToken);

        return pending.Count;
    }

    private async Task MarkAsync(List<long> sent, List<(long Id, string Error)> failed, CancellationToken ct)
    {
        if (sent.Count == 0 && failed.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        using (await gate.EnterAsync(CancellationToken.None))
        {
            // The usual case, everything sent, is one UPDATE however many replies the batch had.
            if (sent.Count > 0)
            {
                await db.Outbox.Where(o => sent.Contains(o.Id)).ExecuteUpdateAsync(o => o
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            }

            if (failed.Count > 0)
            {
                var ids = failed.Select(f => f.Id).ToList();
                var rows = await db.Outbox.Where(o => ids.Contains(o.Id)).ToListAsync(CancellationToken.None);
                foreach (var row in rows)
                {
                    row.Attempts++;
                    row.LastError = failed.First(f => f.Id == row.Id).Error;
                }

                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
    }

    private Task Queue(LaneWork work)
    {
        EnsureLaneRunning();
        if (!_lane.Writer.TryWrite(work))
        {
            work.Done.TrySetCanceled();
        }

        return work.Done.Task;
    }

    private async Task<int> QueueCounted(LaneWork work, CancellationToken cancellationToken)
    {
        await Queue(work).WaitAsync(cancellationToken);
        return work.Count;
    }

    private void EnsureLaneRunning()
    {
        if (_laneLoop is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _laneLoop ??= Task.Run(() => RunLaneAsync(_stopping.Token));
        }
    }

    private async Task RunLaneAsync(CancellationToken stopping)
    {
        var reader = _lane.Reader;
        // What the lane is working on; cancelled with the rest if the lane is stopped in the middle of it.
        var running = new List<LaneWork>();
        try
        {
            while (await reader.WaitToReadAsync(stopping))
            {
                while (reader.TryPeek(out var next))
                {
                    if (next is LaneWork.Deliver)
                    {
                        // Consecutive committed batches go out together, still in commit order per chat.
                        var batches = new List<LaneWork.Deliver>();
                        while (reader.TryPeek(out var more) && more is LaneWork.Deliver deliver && reader.TryRead(out _))
                        {
                            batches.Add(deliver);
                        }

                        running.AddRange(batches);
                        await RunSafelyAsync(running, () => DeliverCommittedAsync(batches, stopping));
                        running.Clear();
                        continue;
                    }

                    reader.TryRead(out _);
                    running.Add(next);
                    await RunSafelyAsync(running, async () => next.Count = next switch
                    {
                        LaneWork.Stalled => await DeliverStalledInLaneAsync(stopping),
                        LaneWork.Retry retry => await RetryPendingInLaneAsync(retry.BatchSize, retry.MinAge, stopping),
                        _ => 0,
                    });
                    running.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: what is still queued stays unsent in the outbox and goes out after the next start.
        }

        foreach (var work in running)
        {
            work.Done.TrySetCanceled();
        }

        while (reader.TryRead(out var left))
        {
            left.Done.TrySetCanceled();
        }
    }

    /// <summary>A chat stalled since its batch was queued (an earlier reply failed) leaves its replies to the backlog.</summary>
    private Task DeliverCommittedAsync(List<LaneWork.Deliver> batches, CancellationToken cancellationToken) =>
        DeliverRoundAsync([.. batches.SelectMany(b => b.Messages).Where(m => !_stalled.ContainsKey(m.Address))], cancellationToken);

    private async Task RunSafelyAsync(IReadOnlyList<LaneWork> works, Func<Task> run)
    {
        try
        {
            await run();
            foreach (var work in works)
            {
                work.Done.TrySetResult();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Unsent replies stay in the outbox for the next retry pass; the lane itself goes on.
            LogLaneFailed(e);
            foreach (var work in works)
            {
                work.Done.TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _lane.Writer.TryComplete();
        if (_laneLoop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One piece of work for the lane; <see cref="Done"/> completes when the lane has finished it.</summary>
    private abstract class LaneWork
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>How many replies it sent (stalled backlogs and retries).</summary>
        public int Count { get; set; }

        public sealed class Deliver(IReadOnlyList<OutboxMessage> messages) : LaneWork
        {
            public IReadOnlyList<OutboxMessage> Messages { get; } = messages;
        }

        public sealed class Stalled : LaneWork;

        public sealed class Retry(int batchSize, TimeSpan minAge) : LaneWork
        {
            public int BatchSize { get; } = batchSize;

            public TimeSpan MinAge { get; } = minAge;
        }

        public sealed class Barrier : LaneWork;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox delivery round failed; its unsent replies wait for the next retry pass")]
    private partial void LogLaneFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver outbox message {OutboxId} on {Channel}; it will be retried")]
    private partial void LogDeliveryFailed(Exception exception, string channel, long outboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver outbox message {OutboxId} on {Channel} ({Fault}); it will be retried")]
    private partial void LogDeliveryDeferred(string channel, long outboxId, string fault);
}
