using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>Who sent an update: the person behind the chat address, made on their first message.</summary>
internal sealed partial class InboundProcessor
{
    // Compiled once (per model): every update looks its sender up, so the LINQ translation is not redone per message.
    private static readonly CompiledQuery<Func<BotDbContext, string, CancellationToken, Task<PersonAddress?>>> AddressWithPerson = new(() =>
        EF.CompileAsyncQuery((BotDbContext db, string address, CancellationToken ct) =>
            db.PersonAddresses.Include(a => a.Person).FirstOrDefault(a => a.Address == address)));

    /// <summary>Stands for whoever wrote in a group: never stored, no role, the default language.</summary>
    private static Person GroupMember() => new() { Role = PersonRole.Owner };

    /// <summary>The sender's person; <c>Joined</c> when this address was just added to a person already known by a
    /// phone the channel proves (their other accounts are then told).</summary>
    private async Task<(Person Person, bool Joined)> FindOrCreatePersonAsync(InboundMessage message, SenderRows senders, DateTimeOffset now,
        CancellationToken ct)
    {
        var address = message.Address;
        var known = senders.TryTakeAddress(address, out var readAhead) ? readAhead : await AddressWithPerson.For(db)(db, address, ct);
        var person = known?.Person;
        var joined = false;
        if (known is { UnreachableSince: not null })
        {
            // They wrote from it, so it reaches them again (they unblocked the bot, or the number works again).
            known.UnreachableSince = null;
            LogReachableAgain(message.Channel);
        }

        if (person is null)
        {
            // A channel that proves the sender's phone joins the person already known by it.
            person = message.SenderPhone is { } phone ? await PersonPhones.FindAsync(db, phone, ct) : null;
            if (person is null)
            {
                person = new Person { Name = message.CleanSenderName, Phone = message.SenderPhone, CreatedAt = now };
                db.People.Add(person);
            }
            else
            {
                person.Name ??= message.CleanSenderName;
                joined = true;
            }

            person.Addresses.Add(new PersonAddress { Address = address, CreatedAt = now });
            await db.SaveChangesAsync(ct);
        }

        // To the minute: a write of the person's row on every message would cost more than the precision is worth.
        if (person.LastSeenAt is not { } seen || now - seen >= LastSeenPrecision)
        {
            person.LastSeenAt = now;
        }

        PersonPhones.RememberOwnContact(person, message.Content);
        return (person, joined);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Channel} address marked unreachable wrote again; replies go to it again")]
    private partial void LogReachableAgain(string channel);
}
