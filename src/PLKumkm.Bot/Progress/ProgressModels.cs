using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Progress;

/// <summary>A region's campaign figures: its own target row, or for a province/the country the sum of those below.</summary>
internal sealed record TargetFigures(long Target, long Enumerators, long Coordinators, DateOnly Start, DateOnly End);

/// <summary>Records that count, split by kind.</summary>
internal readonly record struct Tally(long Umkm, long Koperasi)
{
    public long Total => Umkm + Koperasi;

    public static Tally operator +(Tally a, Tally b) => new(a.Umkm + b.Umkm, a.Koperasi + b.Koperasi);
}

/// <summary>Which moment an answer is about: now (<see cref="AsOf"/> false, <see cref="Day"/> is today) or the end of an earlier local day.</summary>
internal sealed record ProgressMoment(DateOnly Day, bool AsOf, DateTimeOffset LocalNow, string Zone)
{
    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);
}

/// <summary>A region's place among its siblings that have targets, by percentage.</summary>
internal sealed record RegionRank(int Position, int Of, Region Parent);

/// <param name="WeekBefore">What had been collected by the end of the day a week before the moment (for the
/// forecast); null leaves the forecast out.</param>
internal sealed record RegionProgress(
    Region Region,
    ProgressMoment Moment,
    Tally Collected,
    Tally AddedOnDay,
    TargetFigures? Target,
    RegionRank? Rank,
    Tally? WeekBefore = null)
{
    public decimal? Percent => Target is null ? null : Percentages.Of(Collected.Total, Target.Target);

    public Forecast? Forecast => Forecast.For(this, WeekBefore);
}

internal sealed record RankingEntry(Region Region, Tally Collected, TargetFigures Target, Tally? WeekBefore = null)
{
    public decimal Percent => Percentages.Of(Collected.Total, Target.Target);

    public Forecast? ForecastAt(ProgressMoment moment) =>
        Forecast.For(new RegionProgress(Region, moment, Collected, default, Target, null, WeekBefore), WeekBefore);
}

/// <summary>The children of <see cref="Parent"/> that have targets, best first; <see cref="WithoutTarget"/> counts the others.</summary>
internal sealed record Ranking(Region Parent, ProgressMoment Moment, IReadOnlyList<RankingEntry> Entries, int WithoutTarget, RegionProgress Total);

internal static class Percentages
{
    /// <summary>
    /// Collected as a percentage of target, cut (not rounded) to two decimals, so 99,999% reads
    /// 99,99% and "100,00%" only ever means the target is reached.
    /// </summary>
    public static decimal Of(long collected, long target) =>
        target <= 0 ? 0 : Math.Floor(collected * 10_000m / target) / 100m;
}
