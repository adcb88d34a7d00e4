using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// Delivers committed replies through their channel and marks them sent; failures stay for a retry.
/// A chat with an older reply still unsent (a failed delivery, or left over by a crash) is "stalled": its newer
/// replies are not sent live but wait for <see cref="DeliverStalledAsync"/>, which sends the chat's backlog in
/// commit order, so a reply never overtakes an earlier one.
/// </summary>
internal sealed partial class OutboxDelivery(
    IEnumerable<IChannelSender> senders,
    IServiceScopeFactory scopes,
    WriteGate gate,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    private readonly Dictionary<string, IChannelSender> _senders =
        senders.GroupBy(s => s.Channel).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    private const int MaxChatsInParallel = 16;
    private const int MaxAttempts = 50;

    private readonly ConcurrentDictionary<string, byte> _stalled = new(StringComparer.Ordinal);

    /// <summary>Addresses whose replies wait for the backlog to be sent first.</summary>
    public int StalledCount => _stalled.Count;

    /// <summary>
    /// The just-committed replies that may be sent at once: those of chats without a backlog. Call it inside the
    /// write gate, right after the commit, so it is ordered with <see cref="DeliverStalledAsync"/>'s own checks.
    /// </summary>
    public IReadOnlyList<OutboxMessage> Live(IEnumerable<OutboxMessage> committed) =>
        [.. committed.Where(m => !_stalled.ContainsKey(m.Address))];

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
    public async Task<int> DeliverStalledAsync(CancellationToken cancellationToken)
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
    /// Sends committed replies: one chat's strictly in order (stopping at the first failure, so nothing overtakes
    /// it), different chats in parallel; then marks them all in one statement.
    /// </summary>
    public async Task DeliverAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
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
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDeliveryFailed(e, channel, message.Id);
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
    public async Task<int> RetryPendingAsync(int batchSize, TimeSpan minAge, CancellationToken cancellationToken)
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

        foreach (var chat in pending.GroupBy(o => o.Address))
        {
            await DeliverAsync(chat.ToList(), cancellationToken);
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver outbox message {OutboxId} on {Channel}; it will be retried")]
    private partial void LogDeliveryFailed(Exception exception, string channel, long outboxId);
}
