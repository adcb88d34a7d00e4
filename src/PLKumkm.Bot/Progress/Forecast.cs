namespace PLKumkm.Bot.Progress;

/// <summary>
/// Where a region is heading: at the pace of the last 7 days (<see cref="RecentPerDay"/>; fewer days early in the
/// campaign) the day the target is reached, or the percentage expected when the campaign ends. The overall pace since
/// the start is given beside it. Pure arithmetic on the figures of one answer.
/// </summary>
internal sealed record Forecast(double RecentPerDay, double OverallPerDay, DateOnly? ReachedOn, decimal PercentAtEnd, DateOnly End)
{
    public const int RecentDays = 7;

    public bool WillReach => ReachedOn is not null;

    /// <param name="weekBefore">What had been collected by the end of the day 7 days before the moment.</param>
    public static Forecast? For(RegionProgress progress, Tally? weekBefore)
    {
        if (progress.Target is not { } target || weekBefore is not { } before || progress.Moment.Day < target.Start)
        {
            return null;
        }

        var day = progress.Moment.Day;
        // Asked today, today's records are in and today is still a working day; as of a day, that day is over.
        var elapsed = day.DayNumber - target.Start.DayNumber + 1;
        var left = target.End.DayNumber - day.DayNumber + (progress.Moment.AsOf ? 0 : 1);
        if (left <= 0)
        {
            return null;
        }

        var collected = progress.Collected.Total;
        var window = Math.Min(RecentDays, elapsed);
        var recent = Math.Max(0, collected - before.Total) / (double)window;
        var overall = collected / (double)elapsed;
        var remaining = target.Target - collected;
        DateOnly? reachedOn = null;
        if (remaining <= 0)
        {
            return null;
        }

        // Only a day inside the campaign is named: at a slow pace the day it would take could lie centuries ahead.
        if (recent > 0 && Math.Ceiling(remaining / recent) is var daysNeeded && daysNeeded <= left)
        {
            reachedOn = day.AddDays((int)daysNeeded - (progress.Moment.AsOf ? 0 : 1));
        }

        var atEnd = collected + (long)Math.Floor(recent * left);
        return new Forecast(recent, overall, reachedOn, Percentages.Of(atEnd, target.Target), target.End);
    }
}
