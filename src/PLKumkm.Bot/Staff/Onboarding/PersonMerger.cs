using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Staff.Onboarding;

/// <summary>
/// Folds the person the pipeline created for a new chat into the pre-registered staff member it turned
/// out to be: the chat address (and anything already done from it) moves over, the empty shell goes.
/// </summary>
internal static class PersonMerger
{
    public static async Task MergeAsync(BotDbContext db, Person from, Person into, CancellationToken ct)
    {
        var fromId = from.Id;
        var intoId = into.Id;
        await foreach (var session in db.Sessions.Where(s => s.PersonId == fromId).AsAsyncEnumerable().WithCancellation(ct))
        {
            session.PersonId = intoId;
        }

        await foreach (var consent in db.Consents.Where(c => c.PersonId == fromId).AsAsyncEnumerable().WithCancellation(ct))
        {
            consent.PersonId = intoId;
        }

        await foreach (var record in db.UmkmRecords.Where(r => r.OwnerPersonId == fromId || r.SubmittedByPersonId == fromId)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (record.OwnerPersonId == fromId)
            {
                record.OwnerPersonId = intoId;
            }

            if (record.SubmittedByPersonId == fromId)
            {
                record.SubmittedByPersonId = intoId;
            }
        }

        var addresses = await db.PersonAddresses.Where(a => a.PersonId == fromId).ToListAsync(ct);
        foreach (var address in addresses)
        {
            address.PersonId = intoId;
            address.Person = into;
        }

        // What the person chose in this chat (e.g. /bahasa en) is theirs.
        into.Language = from.Language;
        into.LastSeenAt = from.LastSeenAt;
        // Saved before the shell is removed, so nothing still pointing at it goes with it.
        await db.SaveChangesAsync(ct);
        db.People.Remove(from);
    }
}
