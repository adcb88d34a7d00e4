using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// Messages the bot sends on its own (digests, reminders): each is claimed in the database by a conditional update and
/// stored in the same transaction, under the write gate, so it goes out once whatever restarts or concurrent passes.
/// </summary>
internal sealed class ScheduledMessages(BotDbContext db, WriteGate gate, IServiceProvider services)
{
    /// <summary>The person's most recent chat that is not marked unreachable; null when there is none.</summary>
    public async Task<string?> AddressOfAsync(long personId, CancellationToken ct) =>
        (await AddressesOfAsync([personId], ct)).GetValueOrDefault(personId);

    /// <summary>
    /// <see cref="AddressOfAsync"/> for many people at once (a broadcast's audience): one query per
    /// <see cref="LookupChunk"/> people instead of one per person. People without a reachable chat are not in it; of
    /// two chats made at the same moment the first read wins.
    /// </summary>
    public async Task<Dictionary<long, string>> AddressesOfAsync(IReadOnlyList<long> personIds, CancellationToken ct)
    {
        var latest = new Dictionary<long, (string Address, DateTimeOffset CreatedAt)>();
        foreach (var chunk in personIds.Chunk(LookupChunk))
        {
            var rows = await db.PersonAddresses.AsNoTracking()
                .Where(a => chunk.Contains(a.PersonId) && a.UnreachableSince == null)
                .Select(a => new { a.PersonId, a.Address, a.CreatedAt })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                if (!latest.TryGetValue(row.PersonId, out var seen) || row.CreatedAt > seen.CreatedAt)
                {
                    latest[row.PersonId] = (row.Address, row.CreatedAt);
                }
            }
        }

        return latest.ToDictionary(l => l.Key, l => l.Value.Address);
    }

    /// <summary>People per address query: one parameter list that both providers take comfortably.</summary>
    public const int LookupChunk = 2_000;

    /// <param name="claim">The conditional update that takes the job (0 rows: someone else took it first).</param>
    /// <param name="deliver">Hand it to the channels at once (the running bot); otherwise the running bot's outbox
    /// delivers it.</param>
    /// <returns>False when it was not claimed.</returns>
    public async Task<bool> StoreAsync(Func<BotDbContext, Task<int>> claim, string address, OutboundMessage message, DateTimeOffset now,
        bool deliver, CancellationToken ct)
    {
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await claim(db) == 0)
            {
                return false;
            }

            var row = new OutboxMessage { Address = address, PayloadJson = OutboxPayload.Serialize(message), CreatedAt = now };
            if (deliver)
            {
                services.GetRequiredService<OutboxStore>().ClaimNew(row, now);
            }

            db.Outbox.Add(row);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            if (deliver)
            {
                _ = services.GetRequiredService<OutboxDelivery>().EnqueueCommitted([row]);
            }
        }

        return true;
    }
}
