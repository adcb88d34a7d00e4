using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Staff.Performance;

/// <summary><c>/kinerja</c>: an enumerator's own count today, this week and in total, against their share of the target.</summary>
internal sealed class PerformanceHandler(RegionCatalog regions, TimeProvider clock) : IMessageHandler
{
    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        // The command table lets in only those RolePolicy allows, so the person has a region.
        var person = context.Person;
        var region = RolePolicy.ScopeOf(person)!;
        var today = RegionClock.Today(regions, region, clock.GetUtcNow());
        var counts = await CountAsync(context, person, region, today, cancellationToken);
        var target = await context.Db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.RegionCode == region, cancellationToken);
        var regionName = regions.Find(region)?.FullName ?? region;
        context.Reply(PerformanceReport.Build(person.Name ?? "", regionName, counts, target, today));
        return true;
    }

    private async Task<PerformanceCounts> CountAsync(UpdateContext context, Person person, string region, DateOnly today, CancellationToken ct)
    {
        var id = person.Id.ToString(CultureInfo.InvariantCulture);
        var mine = context.Db.UmkmRecords.Where(r => r.Enumerator == id
            && (r.Status == RecordStatus.Active || r.Status == RecordStatus.Flagged));
        var startOfToday = RegionClock.StartOf(regions, region, today);
        var startOfWeek = RegionClock.StartOf(regions, region, RegionClock.MondayOf(today));
        return new PerformanceCounts(
            await mine.CountAsync(r => r.WaktuKirim >= startOfToday, ct),
            await mine.CountAsync(r => r.WaktuKirim >= startOfWeek, ct),
            await mine.CountAsync(ct));
    }
}
