using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// One person across channels: a phone number a channel proves (WhatsApp's sender, a Telegram user's own
/// shared contact) is remembered on the person, and a new address arriving with a proven phone joins the
/// person already known by it (e.g. pre-registered staff, or the same owner on Telegram).
/// </summary>
internal static class PersonPhones
{
    /// <summary>The earliest person known by <paramref name="phone"/> (E.164), if any.</summary>
    public static Task<Person?> FindAsync(BotDbContext db, string phone, CancellationToken ct) =>
        db.People.Where(p => p.Phone == phone).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Keeps the number of a contact the sender proved to be their own, unless the person already has one
    /// (a number given by an admin or proven by WhatsApp is not overwritten by a chat message).
    /// </summary>
    public static void RememberOwnContact(Person person, InboundContent content)
    {
        if (person.Phone is not null || content is not ContactInput { IsSendersOwn: true } contact)
        {
            return;
        }

        var parsed = PhoneParser.Parse(contact.PhoneNumber);
        if (parsed.Ok && parsed.Value is { Length: > 0 } e164)
        {
            person.Phone = e164;
        }
    }
}
