using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Webhooks;

/// <summary>The inbox table operations of the draining service; every write goes through the write gate.</summary>
internal sealed class WebhookInboxStore(IServiceScopeFactory scopes, WriteGate gate, TimeProvider clock, BotInstance instance)
{
    public sealed record PendingRow(long Id, string Channel, DateTimeOffset ReceivedAt, int Attempts, string? ClaimedBy, DateTimeOffset? ClaimedUntil)
    {
        /// <summary>Another instance drains it now: its chats wait here until it is done (or the claim runs out).</summary>
        public bool ClaimedByOther(BotInstance me, DateTimeOffset now) => ClaimedBy is not null && ClaimedBy != me.Id && ClaimedUntil > now;
    }

    /// <summary>The oldest unprocessed rows of the given channels after <paramref name="afterId"/>, in queue order,
    /// without payloads.</summary>
    public async Task<List<PendingRow>> PendingAsync(IReadOnlyCollection<string> channels, int limit, CancellationToken ct, long afterId = 0)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        return await db.WebhookInbox.AsNoTracking()
            .Where(i => i.ProcessedAt == null && i.Id > afterId && channels.Contains(i.Channel))
            .OrderBy(i => i.Id)
            .Take(limit)
            .Select(i => new PendingRow(i.Id, i.Channel, i.ReceivedAt, i.Attempts, i.ClaimedBy, i.ClaimedUntil))
            .ToListAsync(ct);
    }

    public async Task<Dictionary<long, string>> PayloadsAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        return await db.WebhookInbox.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Payload, ct);
    }

    /// <summary>
    /// Takes the body for this instance unless another one holds an unexpired claim on it (a conditional update: of two
    /// instances trying at once exactly one succeeds). Always true when the database has one bot process (SQLite).
    /// </summary>
    public async Task<bool> TryClaimAsync(long id, CancellationToken ct)
    {
        if (!instance.Shared)
        {
            return true;
        }

        var claimed = 0;
        await UpdateAsync(async (db, now) => claimed = await db.WebhookInbox
            .Where(i => i.Id == id && i.ProcessedAt == null && (i.ClaimedBy == null || i.ClaimedBy == instance.Id || i.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClaimedBy, instance.Id).SetProperty(i => i.ClaimedUntil, now + BotInstance.ClaimTime), ct));
        return claimed == 1;
    }

    /// <summary>Keeps this instance's claims on the bodies it still holds (running, or waiting to be retried).</summary>
    public async Task RenewAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (!instance.Shared || ids.Count == 0)
        {
            return;
        }

        await UpdateAsync((db, now) => db.WebhookInbox
            .Where(i => ids.Contains(i.Id) && i.ClaimedBy == instance.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClaimedUntil, now + BotInstance.ClaimTime), ct));
    }

    /// <summary>Done: the payload is cleared, its effects live in the records and the outbox now.</summary>
    public Task MarkProcessedAsync(long id, int attempts) => MarkProcessedAsync([id], attempts);

    /// <summary>Several bodies done at once (a group commit's), in one statement.</summary>
    public Task MarkProcessedAsync(IReadOnlyCollection<long> ids, int attempts) =>
        UpdateAsync((db, now) => db.WebhookInbox.Where(i => ids.Contains(i.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.ProcessedAt, now)
            .SetProperty(i => i.Payload, "")
            .SetProperty(i => i.Attempts, attempts)
            .SetProperty(i => i.LastError, (string?)null)));

    public Task MarkFailedAsync(long id, int attempts, string error) =>
        UpdateAsync((db, _) => db.WebhookInbox.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Attempts, attempts)
            .SetProperty(i => i.LastError, error)));

    /// <summary>Taken out of the queue with its payload kept, so an operator can see what could not be processed (for
    /// <c>Retention:UnreadableWebhookHours</c>; the row itself until <c>Retention:ProcessedWebhookDays</c>).</summary>
    public Task MarkGivenUpAsync(long id, int attempts, string error) =>
        UpdateAsync((db, now) => db.WebhookInbox.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.ProcessedAt, now)
            .SetProperty(i => i.Attempts, attempts)
            .SetProperty(i => i.LastError, error)));

    // Marks use no cancellation token: work that was done must be recorded even while shutting down.
    private async Task UpdateAsync(Func<BotDbContext, DateTimeOffset, Task<int>> update)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        using (await gate.EnterAsync(CancellationToken.None))
        {
            await update(db, clock.GetUtcNow());
        }
    }
}
