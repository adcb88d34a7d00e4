using System.Text;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Progress;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff;
using PLKumkm.Bot.Staff.Team;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Digests;

/// <summary>
/// One person's digest for a local day: their region's progress as of the end of yesterday (the count of that day, the
/// total and %, rank, forecast and pace needed: the same words as "progress … per kemarin") and, for a coordinator,
/// the enumerators who sent nothing for two days or more.
/// </summary>
internal sealed class DigestComposer(BotDbContext db, RegionCatalog regions, ProgressService progress)
{
    private const int MaxIdleListed = 15;

    /// <summary>Who may subscribe: the roles that follow a region's campaign.</summary>
    public static bool Receives(Person person) =>
        person.Role is PersonRole.Coordinator or PersonRole.Official or PersonRole.Admin && RolePolicy.ScopeOf(person) is not null;

    /// <summary>The region a digest is about: progress is kept down to regencies, so an admin of a district gets its regency.</summary>
    public static Region RegionOf(RegionCatalog regions, string scope)
    {
        var code = scope.Length > 5 ? scope[..5] : scope;
        return code.Length == 0 ? RegionCatalog.Indonesia : regions.Find(code) ?? RegionCatalog.Indonesia;
    }

    /// <summary>The clock of a region (the country's digest follows WIB, as Jakarta does).</summary>
    public static (TimeZoneInfo Zone, string Abbreviation) ClockOf(RegionCatalog regions, Region region)
    {
        var code = region.Code.Length == 0 ? "31" : region.Code;
        try
        {
            return (regions.TimeZoneOf(code), regions.TimeZoneAbbreviation(code));
        }
        catch (ArgumentException)
        {
            return (regions.TimeZoneOf("31"), regions.TimeZoneAbbreviation("31"));
        }
    }

    public async Task<string> ComposeAsync(Person person, DateOnly today, CancellationToken ct)
    {
        var en = person.Language == Languages.English;
        var scope = RolePolicy.ScopeOf(person) ?? "";
        var region = RegionOf(regions, scope);
        var figures = await progress.ForRegionAsync(region, today.AddDays(-1), ct);
        var text = new StringBuilder()
            .AppendLine(en ? $"☀️ Daily digest, {ProgressFormatter.Date(today, en)}" : $"☀️ Ringkasan harian, {ProgressFormatter.Date(today, en)}")
            .AppendLine()
            .AppendLine(ProgressFormatter.Format(figures, person.Language));
        if (person.Role == PersonRole.Coordinator)
        {
            var idle = TeamReport.Idle(await TeamHandler.LoadAsync(db, regions, scope, today, ct), today);
            var ids = idle.Select(m => m.PersonId).ToList();
            var reminded = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.IdleRemindedAt != null)
                .Select(p => new { p.Id, p.IdleRemindedAt }).ToDictionaryAsync(p => p.Id, p => p.IdleRemindedAt!.Value, ct);
            text.AppendLine();
            if (idle.Count == 0)
            {
                text.AppendLine(en
                    ? $"Every enumerator sent records in the last {TeamHandler.IdleDays} days."
                    : $"Semua enumerator mengirim data dalam {TeamHandler.IdleDays} hari terakhir.");
            }
            else
            {
                text.AppendLine(en
                    ? $"⏸ Nothing sent for {TeamHandler.IdleDays} days or more ({idle.Count}):"
                    : $"⏸ Tidak mengirim {TeamHandler.IdleDays} hari atau lebih ({idle.Count}):");
                foreach (var member in idle.Take(MaxIdleListed))
                {
                    var last = member.LastDay is { } day
                        ? (en ? "last on " : "terakhir ") + DateParser.Format(day, person.Language)
                        : en ? "never sent anything" : "belum pernah mengirim";
                    text.Append("• ").Append(member.Name).Append(" — ").Append(last);
                    if (reminded.TryGetValue(member.PersonId, out var at)
                        && Staff.RegionClock.LocalDate(regions, scope, at) is var remindedDay && (member.LastDay is not { } lastDay || remindedDay >= lastDay))
                    {
                        text.Append(en ? ", reminded " : ", sudah diingatkan ").Append(DateParser.Format(remindedDay, person.Language));
                    }

                    text.AppendLine();
                }

                if (idle.Count > MaxIdleListed)
                {
                    text.AppendLine(en ? $"… and {idle.Count - MaxIdleListed} more (/tim)" : $"… dan {idle.Count - MaxIdleListed} lainnya (/tim)");
                }
            }
        }

        text.AppendLine().Append(en
            ? "Change the time: /langganan 18.00 · Stop: /berhenti"
            : "Ubah jam: /langganan 18.00 · Berhenti: /berhenti");
        return text.ToString();
    }
}
