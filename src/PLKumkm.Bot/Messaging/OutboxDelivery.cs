using Microsoft.Extensions.Options;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// Delivers committed replies through their channel and marks them sent; failures stay for a retry.
/// A chat with an older reply still unsent is stalled (<see cref="StalledChats"/>): its newer replies are not sent live
/// but wait for <see cref="DeliverStalledAsync"/>, which sends the chat's backlog in commit order, so a reply never
/// overtakes an earlier one. All of it runs in the <see cref="DeliveryLane"/>, in the order it was asked for.
/// </summary>
internal sealed class OutboxDelivery : IAsyncDisposable, IDisposable
{
    private readonly ReplySender _sender;
    private readonly OutboxStore _store;
    private readonly StalledChats _stalled;
    private readonly TimeProvider _clock;
    private readonly MessagingOptions _options;
    private readonly DeliveryLane _lane;

    public OutboxDelivery(
        ReplySender sender,
        OutboxStore store,
        StalledChats stalled,
        TimeProvider clock,
        IOptions<MessagingOptions> options,
        ILogger<OutboxDelivery> logger)
    {
        _sender = sender;
        _store = store;
        _stalled = stalled;
        _clock = clock;
        _options = options.Value;
        _lane = new DeliveryLane(DeliverCommittedAsync, logger);
    }

    /// <summary>Addresses whose replies wait for the backlog to be sent first.</summary>
    public int StalledCount => _stalled.Count;

    /// <summary>
    /// Queues just-committed replies for delivery; the task completes when they have been sent (or left for a retry).
    /// Call it inside the write gate, right after the commit: the lane then holds batches in commit order, and a chat
    /// with a backlog keeps its new replies back for <see cref="DeliverStalledAsync"/>, which reads them from the outbox.
    /// </summary>
    public Task EnqueueCommitted(IEnumerable<OutboxMessage> committed)
    {
        var live = _stalled.Live(committed);
        return live.Count == 0 ? Task.CompletedTask : _lane.QueueCommitted(live);
    }

    /// <summary>
    /// <see cref="EnqueueCommitted"/> for the pipeline: with other instances on the database, a chat whose older reply
    /// another instance holds (sending it, or dead with it) first stalls behind it. If that look fails, every chat of the
    /// batch waits for the backlog pass, which sends in order: committed replies are never sent out of turn.
    /// </summary>
    public async Task<Task> EnqueueCommittedAsync(Storage.BotDbContext db, IReadOnlyList<OutboxMessage> committed)
    {
        IEnumerable<string> behind;
        try
        {
            behind = await _store.WaitingOnOthersAsync(db, committed, CancellationToken.None);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            behind = committed.Select(c => c.Address);
        }

        foreach (var address in behind)
        {
            _stalled.Stall(address);
        }

        return EnqueueCommitted(committed);
    }

    /// <summary>Completes when everything queued so far has been through the lane.</summary>
    public Task FlushAsync() => _lane.FlushAsync();

    /// <summary>At start-up: every chat with unsent replies (a crash between commit and delivery) is stalled.</summary>
    public async Task StallUnsentAsync(CancellationToken cancellationToken)
    {
        foreach (var address in (await _store.UnsentAddressesAsync(cancellationToken)).Where(_sender.Serves))
        {
            _stalled.Stall(address);
        }
    }

    /// <summary>
    /// Sends each stalled chat's unsent replies, oldest first, until it has none left (then its replies go live
    /// again) or a delivery fails (it stays stalled for the next pass). Returns how many were sent.
    /// </summary>
    public Task<int> DeliverStalledAsync(CancellationToken cancellationToken) =>
        _lane.RunAsync(DeliverStalledInLaneAsync, cancellationToken);

    /// <summary>
    /// Retries what is still unsent (after a crash or a channel outage), oldest first. Only replies older than
    /// <see cref="MessagingOptions.RetryAfter"/> are taken, so one being delivered right now is not sent twice.
    /// Returns how many were taken.
    /// </summary>
    public Task<int> RetryPendingAsync(CancellationToken cancellationToken) =>
        _lane.RunAsync(RetryPendingInLaneAsync, cancellationToken);

    private async Task<int> DeliverStalledInLaneAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        await Parallel.ForEachAsync(_stalled.Snapshot(), _options.ForChats(cancellationToken), async (address, ct) =>
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
            var backlog = await _store.BacklogAsync(address, () => _stalled.Release(address), cancellationToken);
            if (backlog.Count == 0)
            {
                return total;
            }

            var outcome = new DeliveryOutcome();
            await _sender.SendChatAsync(await ReachableAsync(backlog, outcome, cancellationToken), outcome, cancellationToken);
            await _store.MarkAsync(outcome);
            total += outcome.Sent.Count;
            if (outcome.Failed.Count > 0)
            {
                return total;
            }
        }
    }

    private async Task<int> RetryPendingInLaneAsync(CancellationToken cancellationToken)
    {
        var pending = await _store.PendingAsync(_clock.GetUtcNow() - _options.RetryAfter, cancellationToken);
        pending = _stalled.Live(pending.Where(o => _sender.Serves(o.Address)));
        await DeliverRoundAsync(pending, cancellationToken);
        return pending.Count;
    }

    /// <summary>A chat stalled since its batch was queued (an earlier reply failed) leaves its replies to the backlog.</summary>
    private Task DeliverCommittedAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
        DeliverRoundAsync(_stalled.Live(messages), cancellationToken);

    /// <summary>Sends replies (one chat's in order, chats in parallel), then marks them all at once.</summary>
    private async Task DeliverRoundAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var outcome = new DeliveryOutcome();
        await _sender.SendChatsAsync(await ReachableAsync(messages, outcome, cancellationToken), outcome, cancellationToken);
        await _store.MarkAsync(outcome);

        // Only now, with what was sent marked: DeliverStalledAsync re-reads the chat's unsent replies and must not
        // take a sent-but-unmarked one for unsent. Until it has caught up, the chat's new replies wait for it.
        var byId = messages.ToDictionary(m => m.Id);
        foreach (var (id, _) in outcome.Failed)
        {
            _stalled.Stall(byId[id].Address);
        }
    }

    /// <summary>
    /// The messages whose address may be sent to; those for an address marked unreachable are given up unsent (a
    /// digest, a notice, a broadcast queued for someone who blocked the bot), so nothing reaches them before they write.
    /// </summary>
    private async Task<IReadOnlyList<OutboxMessage>> ReachableAsync(IReadOnlyList<OutboxMessage> messages, DeliveryOutcome outcome, CancellationToken ct)
    {
        var unreachable = await _store.UnreachableAsync(messages.Select(m => m.Address).Distinct(StringComparer.Ordinal).ToList(), ct);
        if (unreachable.Count == 0)
        {
            return messages;
        }

        var reachable = new List<OutboxMessage>(messages.Count);
        foreach (var message in messages)
        {
            if (unreachable.Contains(message.Address))
            {
                outcome.AddGivenUp(new GivenUpDelivery(message.Id, message.Address, OutboxStore.Unreachable, DeliveryFailure.Unreachable, Attempted: false));
            }
            else
            {
                reachable.Add(message);
            }
        }

        return reachable;
    }

    public ValueTask DisposeAsync() => _lane.DisposeAsync();

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
