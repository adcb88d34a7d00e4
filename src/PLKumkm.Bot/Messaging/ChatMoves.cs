using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// A person the channel says moved to another chat id (<see cref="ChatMovedInput"/>): the address moves with
/// everything that hangs on the person (sessions, consents, records, claims), replies not yet sent follow to the new
/// address, and a new number proven by WhatsApp becomes their proven phone. Someone already known at the new address
/// (they wrote from it before) is folded into the person who moved, unless that one is staff: then the other way round.
/// </summary>
internal static class ChatMoves
{
    /// <returns>False when nobody is known at the old address: nothing to move.</returns>
    public static async Task<bool> MoveAsync(BotDbContext db, InboundMessage message, ChatMovedInput moved, DateTimeOffset now, CancellationToken ct)
    {
        var oldAddress = message.Address;
        var newAddress = ChannelAddress.Of(message.Channel, moved.NewChatId);
        var row = await db.PersonAddresses.Include(a => a.Person).FirstOrDefaultAsync(a => a.Address == oldAddress, ct);
        if (row?.Person is not { } person)
        {
            return false;
        }

        var there = await db.PersonAddresses.Include(a => a.Person).FirstOrDefaultAsync(a => a.Address == newAddress, ct);
        if (there?.Person is { } other && other.Id != person.Id)
        {
            var (from, into) = other.Role != PersonRole.Owner && person.Role == PersonRole.Owner ? (person, other) : (other, person);
            await Staff.Onboarding.PersonMerger.MergeAsync(db, from, into, ct);
            person = into;
        }

        // The address is the row's key: the old row goes, a new one comes (unless the new address is already theirs).
        db.PersonAddresses.Remove(row);
        if (there is null)
        {
            db.PersonAddresses.Add(new PersonAddress { Address = newAddress, PersonId = person.Id, CreatedAt = now });
        }

        if (moved.NewPhone is { } phone)
        {
            person.Phone = phone;
        }

        person.LastSeenAt = now;
        await db.SaveChangesAsync(ct);
        // Deterministic address encryption lets this match in SQL.
        await db.Outbox.Where(o => o.Address == oldAddress && o.SentAt == null)
            .ExecuteUpdateAsync(o => o.SetProperty(m => m.Address, newAddress), ct);
        return true;
    }
}
