using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
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
    public static Task<Person?> FindAsync(BotDbContext db, string phone, CancellationToken ct)
    {
        // The phone is stored encrypted: its keyed hash is what can be looked up.
        var hash = db.Protection.Hash(phone);
        return db.People.Where(p => p.PhoneHash == hash).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Tells the person's other accounts that a new one now acts as them (it proved the same phone): whoever
    /// registered staff, or an owner, learns at once if an account they do not know got in.
    /// </summary>
    public static Task AnnounceNewAddressAsync(UpdateContext context, CancellationToken ct) =>
        AnnounceNewAddressAsync(context, context.Person, ct);

    /// <inheritdoc cref="AnnounceNewAddressAsync(UpdateContext, CancellationToken)"/>
    public static async Task AnnounceNewAddressAsync(UpdateContext context, Person person, CancellationToken ct)
    {
        var personId = person.Id;
        var newAddress = context.Message.Address;
        var others = await context.Db.PersonAddresses
            .Where(a => a.PersonId == personId && a.Address != newAddress)
            .Select(a => a.Address)
            .ToListAsync(ct);
        var channel = ChannelName(context.Message.Channel);
        var text = person.Role == PersonRole.Owner
            ? new UserText(
                $"🔐 Sebuah akun {channel} baru kini terhubung dengan data Anda (nomor HP-nya sama dengan nomor Anda). Jika itu bukan Anda, hubungi koordinator atau admin PL-KUMKM.",
                $"🔐 A new {channel} account is now linked to your records (it has your phone number). If that was not you, contact a PL-KUMKM coordinator or admin.")
            : new UserText(
                $"🔐 Sebuah akun {channel} baru kini masuk sebagai petugas dengan nomor HP Anda. Jika itu bukan Anda, segera hubungi admin PL-KUMKM.",
                $"🔐 A new {channel} account has signed in as census staff with your phone number. If that was not you, contact the PL-KUMKM admin at once.");
        foreach (var address in others)
        {
            context.Notify(address, new OutboundMessage(text.In(person.Language)) { Language = person.Language });
        }
    }

    private static string ChannelName(string channel) => channel switch
    {
        "telegram" => "Telegram",
        "whatsapp" => "WhatsApp",
        "console" => "konsol",
        _ => channel,
    };

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
