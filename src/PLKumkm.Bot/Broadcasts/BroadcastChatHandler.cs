using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Broadcasts;

/// <summary>
/// <c>/siaran pencacah|koordinator|pemilik|pemilik-belum-selesai &lt;pesan&gt;</c>: a coordinator, official or admin
/// broadcasts inside their own region. The bot says how many people it reaches and waits for the button
/// (<c>/siaran kirim N</c>, or <c>/siaran batal N</c>); the bot's broadcast job then sends it within the channels'
/// limits and tells them when it is out.
/// </summary>
internal sealed class BroadcastChatHandler(RegionCatalog regions, TimeProvider clock) : IMessageHandler
{
    public const int MaxTextLength = 4000;

    private static readonly Dictionary<string, string> Audiences = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pencacah"] = "enumerators", ["enumerator"] = "enumerators", ["enumerators"] = "enumerators",
        ["koordinator"] = "coordinators", ["coordinators"] = "coordinators",
        ["pemilik"] = "owners", ["owners"] = "owners",
        ["pemilik-belum-selesai"] = "owners-unfinished", ["belum-selesai"] = "owners-unfinished", ["owners-unfinished"] = "owners-unfinished",
    };

    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        // The command table lets in only those RolePolicy allows to broadcast, so the person has a region.
        var scope = RolePolicy.ScopeOf(context.Person)!;
        var parts = context.Arguments.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts is [var verb, var number] && verb.ToLowerInvariant() is "kirim" or "send" or "batal" or "cancel"
            && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            await DecideAsync(context, id, send: verb.ToLowerInvariant() is "kirim" or "send", cancellationToken);
            return true;
        }

        if (parts.Length < 2 || !Audiences.TryGetValue(parts[0], out var audience))
        {
            context.Reply(BroadcastTexts.Usage);
            return true;
        }

        var text = Conversations.Engine.TextNormalizer.Clean(parts[1]).Trim();
        if (text.Length > MaxTextLength)
        {
            context.Reply(BroadcastTexts.TooLong(text.Length));
            return true;
        }

        var db = context.Db;
        var (people, stopped) = await BroadcastAudience.ReachableAsync(db, audience, scope, cancellationToken);
        people.Remove(context.Person.Id);
        var regionName = scope.Length == 0 ? RegionCatalog.Indonesia.Name : regions.Find(scope)?.FullName ?? scope;
        if (people.Count == 0)
        {
            context.Reply(BroadcastTexts.Nobody(BroadcastTexts.AudienceName(audience), regionName, stopped));
            return true;
        }

        var key = BroadcastSender.KeyOf(scope, audience, text);
        var broadcast = await db.Broadcasts.FirstOrDefaultAsync(b => b.Key == key, cancellationToken);
        if (broadcast?.ConfirmedAt is not null)
        {
            context.Reply(BroadcastTexts.AlreadySent);
            return true;
        }

        if (broadcast is null)
        {
            broadcast = new Broadcast
            {
                Key = key, RegionCode = scope, Audience = audience, Text = text, CreatedAt = clock.GetUtcNow(), CreatedByPersonId = context.Person.Id,
            };
            db.Broadcasts.Add(broadcast);
            await db.SaveChangesAsync(cancellationToken);
        }

        var en = context.Language == Languages.English;
        context.Reply(new OutboundMessage(BroadcastTexts.Confirm(people.Count, BroadcastTexts.AudienceName(audience), regionName, text, stopped).In(context.Language))
        {
            Options =
            [
                new ReplyOption(en ? $"📣 Send to {people.Count}" : $"📣 Kirim ke {people.Count} orang", $"/siaran kirim {broadcast.Id.ToString(CultureInfo.InvariantCulture)}"),
                new ReplyOption(en ? "Cancel" : "Batal", $"/siaran batal {broadcast.Id.ToString(CultureInfo.InvariantCulture)}"),
            ],
        });
        return true;
    }

    private async Task DecideAsync(UpdateContext context, long id, bool send, CancellationToken ct)
    {
        var broadcast = await context.Db.Broadcasts.FirstOrDefaultAsync(b => b.Id == id && b.CreatedByPersonId == context.Person.Id, ct);
        if (broadcast is null)
        {
            context.Reply(BroadcastTexts.NotYours);
            return;
        }

        if (broadcast.ConfirmedAt is not null)
        {
            context.Reply(BroadcastTexts.AlreadySent);
            return;
        }

        if (!send)
        {
            context.Db.Broadcasts.Remove(broadcast);
            await context.Db.SaveChangesAsync(ct);
            context.Reply(BroadcastTexts.Cancelled);
            return;
        }

        broadcast.ConfirmedAt = clock.GetUtcNow();
        await context.Db.SaveChangesAsync(ct);
        context.Reply(BroadcastTexts.Scheduled);
    }
}
