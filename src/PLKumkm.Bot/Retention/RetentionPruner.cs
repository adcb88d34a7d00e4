using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Retention;

/// <summary>
/// One pruning pass over what the bot keeps only for its own working. Deletes go in batches, each under the write
/// gate on its own, so a large backlog never holds the single SQLite writer for long.
/// </summary>
internal sealed class RetentionPruner(
    IServiceScopeFactory scopes,
    WriteGate gate,
    TimeProvider clock,
    IOptions<RetentionOptions> options,
    IOptions<MessagingOptions> messaging,
    Media.MediaCleanup? media = null,
    IOptions<Media.MediaOptions>? mediaOptions = null)
{
    private const int BatchSize = 5_000;

    public sealed record Report(int UnreadablePayloads, int WebhookRows, int UpdateKeys, int OutboxRows, int Versions, int Sessions, int Photos = 0)
    {
        public int Total => UnreadablePayloads + WebhookRows + UpdateKeys + OutboxRows + Versions + Sessions + Photos;
    }

    public async Task<Report> PruneAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();

        var unreadableBefore = now - TimeSpan.FromHours(o.UnreadableWebhookHours);
        var payloads = await InScopeAsync(db => db.WebhookInbox
            .Where(i => i.ProcessedAt != null && i.LastError != null && i.ReceivedAt < unreadableBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Payload, ""), ct), ct);

        var processedBefore = now - TimeSpan.FromDays(o.ProcessedWebhookDays);
        var webhookRows = await InBatchesAsync(db => db.WebhookInbox
            .Where(i => i.ProcessedAt != null && i.ProcessedAt < processedBefore).OrderBy(i => i.Id), ct);

        var keysBefore = now - TimeSpan.FromDays(o.InboundUpdateDays);
        var keys = await InBatchesAsync(db => db.InboundUpdates
            .Where(u => u.ProcessedAt < keysBefore).OrderBy(u => u.ProcessedAt), ct);

        var sentBefore = now - TimeSpan.FromDays(o.SentOutboxDays);
        var givenUp = messaging.Value.SendAttempts;
        var outbox = await InBatchesAsync(db => db.Outbox
            .Where(m => (m.SentAt != null && m.SentAt < sentBefore) || (m.SentAt == null && m.Attempts >= givenUp && m.CreatedAt < sentBefore)
                || (m.FailedAt != null && m.FailedAt < sentBefore))
            .OrderBy(m => m.Id), ct);

        var withdrawnBefore = now - TimeSpan.FromDays(o.WithdrawnHistoryDays);
        var versions = await InScopeAsync(db => PruneHistoryAsync(db, RecordKind.Umkm,
            db.UmkmRecords.Where(r => r.Status == RecordStatus.Withdrawn && r.UpdatedAt < withdrawnBefore).Select(r => r.Id), ct), ct);
        versions += await InScopeAsync(db => PruneHistoryAsync(db, RecordKind.Koperasi,
            db.KoperasiRecords.Where(r => r.Status == RecordStatus.Withdrawn && r.UpdatedAt < withdrawnBefore).Select(r => r.Id), ct), ct);

        var finishedBefore = now - TimeSpan.FromDays(o.FinishedSessionDays);
        var abandonedBefore = now - TimeSpan.FromDays(o.AbandonedSessionDays);
        var sessions = await InBatchesAsync(db => db.Sessions
            .Where(s => (!s.IsActive && (s.EndedAt ?? s.UpdatedAt) < finishedBefore) || (s.IsActive && s.UpdatedAt < abandonedBefore))
            .OrderBy(s => s.Id), ct);

        // After the sessions: a photo sent to a form that was cancelled or pruned now has no reference left.
        var photos = media is null || mediaOptions is null
            ? 0
            : await InScopeAsync(db => media.SweepAsync(db, TimeSpan.FromHours(mediaOptions.Value.UnreferencedHours), ct), ct);

        return new Report(payloads, webhookRows, keys, outbox, versions, sessions, photos);
    }

    /// <summary>Every version of the withdrawn records but the last (the withdrawal itself).</summary>
    private static Task<int> PruneHistoryAsync(BotDbContext db, RecordKind kind, IQueryable<long> withdrawn, CancellationToken ct) =>
        db.RecordVersions
            .Where(v => v.Kind == kind && withdrawn.Contains(v.RecordId)
                && db.RecordVersions.Any(later => later.Kind == kind && later.RecordId == v.RecordId && later.Version > v.Version))
            .ExecuteDeleteAsync(ct);

    private async Task<int> InBatchesAsync<T>(Func<BotDbContext, IQueryable<T>> rows, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var deleted = await InScopeAsync(db => rows(db).Take(BatchSize).ExecuteDeleteAsync(ct), ct);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }

    private async Task<int> InScopeAsync(Func<BotDbContext, Task<int>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        using (await gate.EnterAsync(ct))
        {
            return await work(db);
        }
    }
}
