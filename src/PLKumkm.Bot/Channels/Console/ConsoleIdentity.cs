using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Channels.Console;

/// <summary>
/// <c>chat --phone P</c>: the console chat speaks as the person known by that phone (pre-registered staff included).
/// Whoever can run the program on the server can read and change its database anyway, so the console takes the
/// operator's word for the number that a chat app would have to prove.
/// </summary>
internal static class ConsoleIdentity
{
    /// <summary>The console user id a phone gets when no <c>--user</c> is given: its digits, one conversation per number.</summary>
    public static string UserIdFor(string e164) => e164.TrimStart('+');

    /// <summary>The phone in E.164, or a one-line reason.</summary>
    public static string ParsePhone(string input)
    {
        var parsed = PhoneParser.Parse(input);
        return parsed is { Ok: true, Value: { Length: > 0 } e164 }
            ? e164
            : throw new VerbException($"--phone: {parsed.Error?.En ?? "not an Indonesian mobile number"}");
    }

    /// <summary>Points the console address of <paramref name="userId"/> at the person known by <paramref name="e164"/>.</summary>
    public static async Task<Person> AttachAsync(IServiceProvider services, string e164, string userId, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var person = await PersonPhones.FindAsync(db, e164, ct)
            ?? throw new VerbException("no one is known by that phone number: pre-register staff with 'users add', or chat without --phone");
        var address = ChannelAddress.Of(ConsoleSender.ChannelName, userId);
        var row = await db.PersonAddresses.FirstOrDefaultAsync(a => a.Address == address, ct);
        if (row is null)
        {
            db.PersonAddresses.Add(new PersonAddress { Address = address, PersonId = person.Id, CreatedAt = DateTimeOffset.UtcNow });
        }
        else if (row.PersonId != person.Id)
        {
            // The console user id was someone else before: from now on it is this person.
            row.PersonId = person.Id;
        }

        await db.SaveChangesAsync(ct);
        return person;
    }

    /// <summary>Who the console speaks as, for the operator (never the phone number).</summary>
    public static string Describe(Person person) =>
        $"chat as {person.Name ?? "(no name)"} ({person.Role.ToString().ToLowerInvariant()}{(person.RegionCode is { Length: > 0 } r ? ", region " + r : "")})";
}
