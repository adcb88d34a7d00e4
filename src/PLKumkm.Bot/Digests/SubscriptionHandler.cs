using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Messaging.Commands;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Digests;

/// <summary>
/// <c>/langganan</c> [time]: a coordinator, official or admin subscribes to the daily digest of their region (or moves
/// it to another local time); <c>/berhenti</c> stops it and everything else the bot starts on its own (reminders,
/// broadcasts) for anyone. <c>/langganan</c> is also the way back: it clears that stop, for everyone.
/// </summary>
internal sealed class SubscriptionHandler(RegionCatalog regions, TimeProvider clock, IOptions<DigestOptions> options) : IMessageHandler
{
    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var person = context.Person;
        var existing = await db.DigestSubscriptions.FirstOrDefaultAsync(s => s.PersonId == person.Id, cancellationToken);
        if (context.Command?.Is(ChatCommands.Unsubscribe) == true)
        {
            // Everyone can stop reminders; staff also their digest.
            var remindersWereOn = person.RemindersStoppedAt is null;
            person.RemindersStoppedAt ??= clock.GetUtcNow();
            if (existing is not null)
            {
                db.DigestSubscriptions.Remove(existing);
            }

            await db.SaveChangesAsync(cancellationToken);
            context.Reply(existing is not null ? DigestTexts.Stopped : remindersWereOn ? DigestTexts.RemindersStopped : DigestTexts.NothingToStop);
            return true;
        }

        if (!DigestComposer.Receives(person) || RolePolicy.ScopeOf(person) is not { } scope)
        {
            // An owner or enumerator who stopped has no digest to come back to, only reminders and broadcasts.
            if (person.RemindersStoppedAt is not null)
            {
                person.RemindersStoppedAt = null;
                await db.SaveChangesAsync(cancellationToken);
                context.Reply(DigestTexts.Resumed);
                return true;
            }

            context.Reply(DigestTexts.StaffOnly);
            return true;
        }

        var arguments = context.Arguments.Trim();
        var minute = arguments.Length == 0 ? existing?.LocalMinute ?? options.Value.DefaultMinute : DigestTime.Parse(arguments);
        if (minute is not { } at)
        {
            context.Reply(DigestTexts.BadTime(arguments));
            return true;
        }

        var region = DigestComposer.RegionOf(regions, scope);
        var (zone, abbreviation) = DigestComposer.ClockOf(regions, region);
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var subscription = existing ?? db.DigestSubscriptions.Add(new DigestSubscription { PersonId = person.Id, CreatedAt = clock.GetUtcNow() }).Entity;
        subscription.LocalMinute = at;
        // Subscribing again takes back the whole /berhenti, not only the digest.
        person.RemindersStoppedAt = null;
        // Today's time already past: the first digest is tomorrow's, at that time (and a digest already had today stays
        // the only one today).
        var tomorrow = local.Hour * 60 + local.Minute >= at;
        if (tomorrow && !(subscription.LastSentDay >= today))
        {
            subscription.LastSentDay = today;
        }

        await db.SaveChangesAsync(cancellationToken);
        var en = context.Language == Languages.English;
        context.Reply(DigestTexts.Subscribed(region.FullName, DigestTime.Format(at, en), abbreviation, tomorrow || subscription.LastSentDay >= today));
        return true;
    }
}
