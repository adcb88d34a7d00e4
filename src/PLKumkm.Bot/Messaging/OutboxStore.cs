using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// The outbox queries of delivery: what is still unsent and marking what a round did. A reply counts as unsent until
/// it is marked sent or has used up its attempts.
/// </summary>
internal sealed class OutboxStore(IServiceScopeFactory scopes, WriteGate gate, TimeProvider clock, IOptions<MessagingOptions> options, BotInstance instance)
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
            var unsent = await Unsent(db).Where(o => o.Address == address)
                .OrderBy(o => o.Id).Take(_options.BacklogBatchSize).ToListAsync(cancellationToken);
            if (unsent.Count == 0)
            {
                caughtUp();
                return unsent;
            }

            // Only up to the first reply another instance still holds: the chat's later replies wait behind it.
            var mine = (await ClaimAsync(db, unsent, cancellationToken)).Select(o => o.Id).ToHashSet();
            return unsent.TakeWhile(o => mine.Contains(o.Id)).ToList();
        }
    }

    /// <summary>
    /// The oldest unsent replies created at or before <paramref name="cutoff"/>, and those put back after a failed
    /// status whose backoff has passed (they are not being delivered right now, however young).
    /// </summary>
    public async Task<List<OutboxMessage>> PendingAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var pending = await Unsent(db).Where(o => o.CreatedAt <= cutoff || o.NotBefore != null)
            .OrderBy(o => o.Id).Take(_options.RetryBatchSize).ToListAsync(cancellationToken);
        using (await gate.EnterAsync(cancellationToken))
        {
            return await ClaimAsync(db, pending, cancellationToken);
        }
    }

    /// <summary>
    /// Of the chats just committed to, those with an older reply still unsent that this instance does not hold (another
    /// instance is sending it, or died holding it): their new replies must wait behind it (several instances only).
    /// </summary>
    public async Task<List<string>> WaitingOnOthersAsync(BotDbContext db, IReadOnlyList<OutboxMessage> committed, CancellationToken ct)
    {
        if (!instance.Shared || committed.Count == 0)
        {
            return [];
        }

        var addresses = committed.Select(c => c.Address).Distinct(StringComparer.Ordinal).ToList();
        var first = committed.Min(c => c.Id);
        return await db.Outbox.AsNoTracking()
            .Where(o => addresses.Contains(o.Address) && o.SentAt == null && o.FailedAt == null && o.Id < first && o.ClaimedBy != instance.Id)
            .Select(o => o.Address).Distinct().ToListAsync(ct);
    }

    /// <summary>The claim a reply is committed with by the instance that will send it (several instances on one database).</summary>
    public void ClaimNew(OutboxMessage row, DateTimeOffset now)
    {
        if (instance.Shared)
        {
            row.ClaimedBy = instance.Id;
            row.ClaimedUntil = now + _options.SendClaim;
        }
    }

    /// <summary>
    /// Of <paramref name="rows"/>, those this instance may send now: with other instances on the database, the ones it
    /// claimed by a conditional update (none of them holds an unexpired claim), so a reply is sent by one instance only.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(BotDbContext db, List<OutboxMessage> rows, CancellationToken ct)
    {
        if (!instance.Shared || rows.Count == 0)
        {
            return rows;
        }

        var now = clock.GetUtcNow();
        var ids = rows.Select(r => r.Id).ToList();
        await db.Outbox.Where(o => ids.Contains(o.Id) && o.SentAt == null && o.FailedAt == null
                && (o.ClaimedBy == null || o.ClaimedBy == instance.Id || o.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedBy, instance.Id).SetProperty(o => o.ClaimedUntil, now + _options.SendClaim), ct);
        var mine = (await db.Outbox.AsNoTracking().Where(o => ids.Contains(o.Id) && o.ClaimedBy == instance.Id)
            .Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        return rows.Where(r => mine.Contains(r.Id)).ToList();
    }

    /// <summary>Which of these addresses are marked unreachable (nothing may be sent to them).</summary>
    public async Task<HashSet<string>> UnreachableAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        if (addresses.Count == 0)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var list = addresses.ToList();
        // Addresses are encrypted deterministically, so equality (and IN) compares their stored form.
        var unreachable = await db.PersonAddresses.AsNoTracking()
            .Where(a => a.UnreachableSince != null && list.Contains(a.Address)).Select(a => a.Address).ToListAsync(cancellationToken);
        return new HashSet<string>(unreachable, StringComparer.Ordinal);
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
                await ForgetDeliveredAsync(db, [.. outcome.ForgetOnceSent]);
                // The usual case, everything sent, is one UPDATE however many replies the batch had.
                await db.Outbox.Where(o => sent.Contains(o.Id)).ExecuteUpdateAsync(o => o
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.NotBefore, (DateTimeOffset?)null), CancellationToken.None);
                await RememberChannelIdsAsync(db, outcome.ChannelIds);
            }

            if (outcome.GivenUp.Count > 0)
            {
                await MarkGivenUpAsync(db, outcome.GivenUp, now);
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

    /// <summary>Keyed hashes of the channel's ids, so a later status finds its row (see <see cref="OutboxMessage.ChannelMessageHash"/>).</summary>
    private static async Task RememberChannelIdsAsync(BotDbContext db, IReadOnlyDictionary<long, string> channelIds)
    {
        if (channelIds.Count == 0)
        {
            return;
        }

        var ids = channelIds.Keys.ToList();
        foreach (var row in await db.Outbox.Where(o => ids.Contains(o.Id)).ToListAsync(CancellationToken.None))
        {
            row.ChannelMessageHash = db.Protection.Hash(channelIds[row.Id]);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// Replies that will never go out are marked failed with the reason; an unreachable address is marked, and every
    /// other reply still waiting for it fails with it, so nothing queued before the person writes again is sent later.
    /// </summary>
    private static async Task MarkGivenUpAsync(BotDbContext db, IReadOnlyList<GivenUpDelivery> givenUp, DateTimeOffset now)
    {
        var byId = givenUp.GroupBy(g => g.Id).ToDictionary(g => g.Key, g => g.First());
        var ids = byId.Keys.ToList();
        foreach (var row in await db.Outbox.Where(o => ids.Contains(o.Id)).ToListAsync(CancellationToken.None))
        {
            var delivery = byId[row.Id];
            GiveUp(db, row, delivery.Error, now);
            if (delivery.Attempted)
            {
                row.Attempts++;
            }
        }

        foreach (var address in givenUp.Where(g => g.Failure == DeliveryFailure.Unreachable).Select(g => g.Address).Distinct(StringComparer.Ordinal))
        {
            await MarkUnreachableAsync(db, address, now);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Marks the address unreachable (keeping the first time) and fails what still waits for it.</summary>
    internal static async Task MarkUnreachableAsync(BotDbContext db, string address, DateTimeOffset now)
    {
        await db.PersonAddresses.Where(a => a.Address == address && a.UnreachableSince == null)
            .ExecuteUpdateAsync(a => a.SetProperty(p => p.UnreachableSince, now), CancellationToken.None);
        var waiting = await db.Outbox.Where(o => o.Address == address && o.SentAt == null && o.FailedAt == null).ToListAsync(CancellationToken.None);
        waiting.ForEach(row => GiveUp(db, row, Unreachable, now));
    }

    /// <summary>What a reply not sent because its address was unreachable says in <see cref="OutboxMessage.LastError"/>.</summary>
    public const string Unreachable = "unreachable";

    internal static void GiveUp(BotDbContext db, OutboxMessage row, string error, DateTimeOffset now)
    {
        if (row.FailedAt is not null)
        {
            return;
        }

        row.FailedAt = now;
        row.LastError = error;
        row.NotBefore = null;
        Forget(db, row);
    }

    /// <summary>
    /// In the update that marks them sent: a document (export, chart) keeps only its caption and file name, and a reply
    /// to a person whose data was erased goes altogether (its address is their chat id).
    /// </summary>
    private static async Task ForgetDeliveredAsync(BotDbContext db, List<long> forget)
    {
        if (forget.Count == 0)
        {
            return;
        }

        var rows = (await db.Outbox.Where(o => forget.Contains(o.Id)).ToListAsync(CancellationToken.None)).Where(ForgottenOnceSent).ToList();
        rows.ForEach(row => Forget(db, row));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>A document (export, chart) keeps only its caption and file name once sent, and a reply to a person
    /// whose data was erased goes altogether. Decided on the clear payload (it is encrypted at rest).</summary>
    public static bool ForgottenOnceSent(OutboxMessage row) =>
        row.Subject == OutboxSubjects.ErasedPerson || row.PayloadJson.Contains(OutboxPayload.AttachmentMarker, StringComparison.Ordinal);

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

    private IQueryable<OutboxMessage> Unsent(BotDbContext db)
    {
        var now = clock.GetUtcNow();
        return db.Outbox.AsNoTracking().Where(o => o.SentAt == null && o.FailedAt == null && o.Attempts < _options.SendAttempts
            && (o.NotBefore == null || o.NotBefore <= now));
    }
}
