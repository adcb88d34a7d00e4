using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// The outbox queries of delivery: what is still unsent and marking what a round did. A reply counts as unsent until
/// it is marked sent or has used up its attempts.
/// </summary>
internal sealed class OutboxStore(IServiceScopeFactory scopes, WriteGate gate, TimeProvider clock, IOptions<MessagingOptions> options)
{
    private readonly MessagingOptions _options = options.Value;

    /// <summary>Addresses with at least one unsent reply.</summary>
    public async Task<List<string>> UnsentAddressesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        return await Unsent(db).Select(o => o.Address).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The chat's oldest unsent replies; when it has none, <paramref name="caughtUp"/> runs before the write gate is
    /// left. Under the gate, a batch committing now either sees the chat stalled (and leaves its replies here) or
    /// commits after this found nothing and the stall was lifted.
    /// </summary>
    public async Task<List<OutboxMessage>> BacklogAsync(string address, Action caughtUp, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        using (await gate.EnterAsync(cancellationToken))
        {
            var backlog = await Unsent(db).Where(o => o.Address == address)
                .OrderBy(o => o.Id).Take(_options.BacklogBatchSize).ToListAsync(cancellationToken);
            if (backlog.Count == 0)
            {
                caughtUp();
            }

            return backlog;
        }
    }

    /// <summary>The oldest unsent replies created at or before <paramref name="cutoff"/>.</summary>
    public async Task<List<OutboxMessage>> PendingAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        return await Unsent(db).Where(o => o.CreatedAt <= cutoff)
            .OrderBy(o => o.Id).Take(_options.RetryBatchSize).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Records a round: sent replies get their time, failed ones one more attempt and the error. Not cancellable:
    /// a reply that went out must not stay unmarked and go out again.
    /// </summary>
    public async Task MarkAsync(DeliveryOutcome outcome)
    {
        if (outcome.IsEmpty)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        using (await gate.EnterAsync(CancellationToken.None))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            if (outcome.Sent.Count > 0)
            {
                var sent = outcome.Sent.ToList();
                await ForgetDeliveredAsync(db, sent);
                // The usual case, everything sent, is one UPDATE however many replies the batch had.
                await db.Outbox.Where(o => sent.Contains(o.Id)).ExecuteUpdateAsync(o => o
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            }

            if (outcome.Failed.Count > 0)
            {
                var ids = outcome.Failed.Select(f => f.Id).ToList();
                var rows = await db.Outbox.Where(o => ids.Contains(o.Id)).ToListAsync(CancellationToken.None);
                foreach (var row in rows)
                {
                    row.Attempts++;
                    row.LastError = outcome.Failed.First(f => f.Id == row.Id).Error;
                    if (row.Attempts >= _options.SendAttempts)
                    {
                        // Given up: it will never be delivered, so what it carried is not kept either.
                        Forget(db, row);
                    }
                }

                await db.SaveChangesAsync(CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// In the update that marks them sent: a document (export, chart) keeps only its caption and file name, and a reply
    /// to a person whose data was erased goes altogether (its address is their chat id).
    /// </summary>
    private static async Task ForgetDeliveredAsync(BotDbContext db, List<long> sent)
    {
        // The payload is encrypted at rest, so whether it holds a document is seen only once read.
        var rows = (await db.Outbox.Where(o => sent.Contains(o.Id)).ToListAsync(CancellationToken.None))
            .Where(o => o.Subject == OutboxSubjects.ErasedPerson || o.PayloadJson.Contains(OutboxPayload.AttachmentMarker, StringComparison.Ordinal))
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        rows.ForEach(row => Forget(db, row));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static void Forget(BotDbContext db, OutboxMessage row)
    {
        if (row.Subject == OutboxSubjects.ErasedPerson)
        {
            db.Outbox.Remove(row);
        }
        else if (OutboxPayload.WithoutDocument(row.PayloadJson) is { } stub)
        {
            row.PayloadJson = stub;
        }
    }

    private IQueryable<OutboxMessage> Unsent(BotDbContext db) =>
        db.Outbox.AsNoTracking().Where(o => o.SentAt == null && o.Attempts < _options.SendAttempts);
}
