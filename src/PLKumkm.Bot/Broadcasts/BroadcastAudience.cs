using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Broadcasts;

/// <summary>Who a broadcast goes to, inside a region: <c>owners</c>, <c>owners-unfinished</c>, <c>enumerators</c>, <c>coordinators</c>.</summary>
internal static class BroadcastAudience
{
    public static readonly string[] Names = ["owners", "owners-unfinished", "enumerators", "coordinators"];

    /// <summary>
    /// The audience without those who said <c>/berhenti</c>: it opts a person out of every message the bot starts on its
    /// own (WhatsApp Business policy), so <paramref name="region"/>'s broadcasts leave them out and say how many.
    /// </summary>
    public static async Task<(List<long> People, int Stopped)> ReachableAsync(BotDbContext db, string audience, string region, CancellationToken ct)
    {
        var everyone = await PeopleAsync(db, audience, region, ct);
        // Few people stop; their ids are a small set, whatever the size of the audience.
        var stopped = (await db.People.AsNoTracking().Where(p => p.RemindersStoppedAt != null).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var people = everyone.Where(p => !stopped.Contains(p)).ToList();
        return (people, everyone.Count - people.Count);
    }

    public static async Task<List<long>> PeopleAsync(BotDbContext db, string audience, string region, CancellationToken ct)
    {
        switch (audience)
        {
            case "enumerators":
                return await RolePolicy.PeopleIn(db.People.AsNoTracking(), PersonRole.Enumerator, region).Select(p => p.Id).ToListAsync(ct);
            case "coordinators":
                return await RolePolicy.PeopleIn(db.People.AsNoTracking(), PersonRole.Coordinator, region).Select(p => p.Id).ToListAsync(ct);
            case "owners":
            {
                // Owners of records that still count for something (a withdrawn record's owner asked to be forgotten).
                var umkm = await RolePolicy.RecordsIn(db.UmkmRecords.AsNoTracking(), region)
                    .Where(r => r.OwnerPersonId != null && r.Status != RecordStatus.Withdrawn).Select(r => r.OwnerPersonId!.Value).ToListAsync(ct);
                var koperasi = await RolePolicy.RecordsIn(db.KoperasiRecords.AsNoTracking(), region)
                    .Where(r => r.OwnerPersonId != null && r.Status != RecordStatus.Withdrawn).Select(r => r.OwnerPersonId!.Value).ToListAsync(ct);
                return umkm.Concat(koperasi).Distinct().Order().ToList();
            }

            case "owners-unfinished":
            {
                // A form in progress says where the business is once its village is answered; before that it is only in
                // the country's audience.
                var open = await db.Sessions.AsNoTracking().Where(s => s.IsActive)
                    .Join(db.People.AsNoTracking().Where(p => p.Role == PersonRole.Owner), s => s.PersonId, p => p.Id, (s, _) => s)
                    .ToListAsync(ct);
                var people = new SortedSet<long>();
                foreach (var session in open)
                {
                    try
                    {
                        var village = SessionStore.Read(session).Answers.GetValueOrDefault("kode_desa");
                        if (region.Length == 0 || village is not null && RegionCodes.IsWithin(village, region))
                        {
                            people.Add(session.PersonId);
                        }
                    }
                    catch (JsonException)
                    {
                        // An unreadable form says nothing about where it is.
                    }
                }

                return [.. people];
            }

            default:
                throw new ArgumentException($"unknown audience '{audience}'", nameof(audience));
        }
    }
}
