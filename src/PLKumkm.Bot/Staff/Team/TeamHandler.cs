using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Staff.Team;

/// <summary>One enumerator's line in <c>/tim</c>.</summary>
internal sealed record TeamMember(long PersonId, string Name, int Total, int Today, DateOnly? LastDay);

/// <summary>
/// <c>/tim</c> for a coordinator: the enumerators of their region ranked by counted records (total, then
/// today), and who has sent nothing for two days or more (their last record before yesterday, or none).
/// </summary>
internal sealed class TeamHandler(RegionCatalog regions, TimeProvider clock) : IMessageHandler
{
    public const int IdleDays = 2;
    public const int MaxListed = 30;

    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        // The command table lets in only those RolePolicy allows, so the person has a region.
        var person = context.Person;
        var scope = RolePolicy.ScopeOf(person)!;
        var today = RegionClock.Today(regions, scope, clock.GetUtcNow());
        var members = await LoadAsync(context.Db, regions, scope, today, cancellationToken);
        var regionName = regions.Find(scope)?.FullName ?? scope;
        context.Reply(TeamReport.Build(regionName, members, today).In(context.Language));
        return true;
    }

    /// <summary>The enumerators of <paramref name="scope"/> with their counts (also the coordinators' digest).</summary>
    public static async Task<IReadOnlyList<TeamMember>> LoadAsync(Storage.BotDbContext db, RegionCatalog regions, string scope, DateOnly today,
        CancellationToken ct)
    {
        var people = await RolePolicy.PeopleIn(db.People.AsNoTracking(), PersonRole.Enumerator, scope)
            .Select(p => new { p.Id, p.Name, p.RegionCode })
            .ToListAsync(ct);
        var ids = people.Select(p => p.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var startOfToday = RegionClock.StartOf(regions, scope, today);
        var stats = await db.UmkmRecords
            .Where(r => r.Enumerator != null && ids.Contains(r.Enumerator)
                && (r.Status == RecordStatus.Active || r.Status == RecordStatus.Flagged))
            .GroupBy(r => r.Enumerator!)
            .Select(g => new
            {
                Enumerator = g.Key,
                Total = g.Count(),
                Today = g.Count(r => r.WaktuKirim >= startOfToday),
                Last = g.Max(r => r.WaktuKirim),
            })
            .ToDictionaryAsync(s => s.Enumerator, ct);
        return people.Select(p =>
            {
                var found = stats.GetValueOrDefault(p.Id.ToString(CultureInfo.InvariantCulture));
                DateOnly? last = found is null ? null : RegionClock.LocalDate(regions, p.RegionCode ?? scope, found.Last);
                return new TeamMember(p.Id, p.Name ?? "", found?.Total ?? 0, found?.Today ?? 0, last);
            })
            .ToList();
    }
}

/// <summary>The <c>/tim</c> text (pure).</summary>
internal static class TeamReport
{
    public static UserText Build(string regionName, IReadOnlyList<TeamMember> members, DateOnly today)
    {
        if (members.Count == 0)
        {
            return new UserText(
                $"Belum ada enumerator terdaftar di {regionName}. Admin mendaftarkannya dengan: users add --role enumerator …",
                $"No enumerators are registered in {regionName} yet. The admin registers them with: users add --role enumerator …");
        }

        var ranked = members.OrderByDescending(m => m.Total).ThenByDescending(m => m.Today)
            .ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var listed = ranked.Take(TeamHandler.MaxListed).ToList();
        var more = ranked.Count - listed.Count;
        var idle = Idle(ranked, today);
        var total = ranked.Sum(m => m.Total);
        var todayTotal = ranked.Sum(m => m.Today);

        string Render(string todayWord, string header, string moreText, string idleHeader, string never, string lastWord, string noIdle) =>
            string.Join('\n', new[] { header }
                .Concat(listed.Select((m, i) => $"{N(i + 1)}. {m.Name} — {N(m.Total)} ({todayWord} {N(m.Today)})"))
                .Concat(more > 0 ? [moreText] : [])
                .Append("")
                .Concat(idle.Count == 0
                    ? [noIdle]
                    : idle.Take(TeamHandler.MaxListed).Select(m => $"• {m.Name} — {(m.LastDay is { } d ? $"{lastWord} {Validation.DateParser.Format(d)}" : never)}").Prepend(idleHeader)));

        return new UserText(
            Render("hari ini", $"👥 Tim {regionName}: {N(ranked.Count)} enumerator, {N(total)} data ({N(todayTotal)} hari ini)",
                $"… dan {N(more)} lainnya", $"⏸ Tidak mengirim {TeamHandler.IdleDays} hari atau lebih:", "belum pernah mengirim", "terakhir",
                $"Semua enumerator mengirim data dalam {TeamHandler.IdleDays} hari terakhir."),
            Render("today", $"👥 Team {regionName}: {N(ranked.Count)} enumerators, {N(total)} records ({N(todayTotal)} today)",
                $"… and {N(more)} more", $"⏸ Nothing sent for {TeamHandler.IdleDays} days or more:", "never sent anything", "last on",
                $"Every enumerator sent records in the last {TeamHandler.IdleDays} days."));
    }

    /// <summary>Who has sent nothing for <see cref="TeamHandler.IdleDays"/> days or more, longest silent first.</summary>
    public static List<TeamMember> Idle(IEnumerable<TeamMember> members, DateOnly today) =>
        members.Where(m => m.LastDay is not { } last || last.DayNumber <= today.DayNumber - TeamHandler.IdleDays)
            .OrderBy(m => m.LastDay ?? DateOnly.MinValue).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();

    private static string N(int n) => Validation.MoneyFormat.Grouped(n);
}
