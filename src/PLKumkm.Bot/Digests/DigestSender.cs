using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Digests;

/// <summary>
/// Sends the digests that are due: a subscriber's local time has passed today and today's has not gone yet. Each is
/// claimed in the database first (its last day moved forward by a conditional update, under the write gate, in the
/// transaction that stores the message), so a digest goes out once per person per day across restarts and instances.
/// </summary>
internal sealed partial class DigestSender(
    BotDbContext db,
    DigestComposer composer,
    RegionCatalog regions,
    ScheduledMessages scheduled,
    ILogger<DigestSender> logger)
{
    /// <param name="day">Send the digests of this local day now, whatever their time (the <c>digests send --date</c> verb).</param>
    /// <param name="deliver">Hand the stored messages to the channels at once (the running bot); otherwise the running bot's
    /// outbox delivers them.</param>
    /// <returns>How many digests were stored.</returns>
    public async Task<int> SendDueAsync(DateTimeOffset now, DateOnly? day, bool deliver, CancellationToken ct)
    {
        var subscribers = await db.DigestSubscriptions.AsNoTracking()
            .Join(db.People.AsNoTracking(), s => s.PersonId, p => p.Id, (s, p) => new { Subscription = s, Person = p })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var (subscription, person) in subscribers.Select(x => (x.Subscription, x.Person)))
        {
            if (!DigestComposer.Receives(person))
            {
                continue;
            }

            var region = DigestComposer.RegionOf(regions, RolePolicy.ScopeOf(person) ?? "");
            var local = TimeZoneInfo.ConvertTime(now, DigestComposer.ClockOf(regions, region).Zone);
            var today = day ?? DateOnly.FromDateTime(local.DateTime);
            var due = day is not null || local.Hour * 60 + local.Minute >= subscription.LocalMinute;
            if (!due || subscription.LastSentDay >= today)
            {
                continue;
            }

            if (await SendAsync(person, today, now, deliver, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(Person person, DateOnly today, DateTimeOffset now, bool deliver, CancellationToken ct)
    {
        if (await scheduled.AddressOfAsync(person.Id, ct) is not { } address)
        {
            // Nobody to tell (not signed in in any chat yet, or unreachable): tried again at the next look.
            return false;
        }

        var text = await composer.ComposeAsync(person, today, ct);
        var message = new OutboundMessage(text) { Language = person.Language, Template = "digest" };
        var stored = await scheduled.StoreAsync(db => db.DigestSubscriptions
                .Where(s => s.PersonId == person.Id && (s.LastSentDay == null || s.LastSentDay < today))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSentDay, today), ct),
            address, message, now, deliver, ct);
        if (stored)
        {
            LogSent(person.Id, today);
        }

        return stored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily digest for person {PersonId} of {Day} stored")]
    private partial void LogSent(long personId, DateOnly day);
}
