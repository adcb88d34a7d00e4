using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Staff;

/// <summary>"Today" and day boundaries on a region's own clock (WIB/WITA/WIT), as staff live them.</summary>
internal static class RegionClock
{
    public static DateOnly Today(RegionCatalog regions, string regionCode, DateTimeOffset now) =>
        LocalDate(regions, regionCode, now);

    public static DateOnly LocalDate(RegionCatalog regions, string regionCode, DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, regions.TimeZoneOf(regionCode)).DateTime);

    /// <summary>The instant a local day starts (no daylight saving in Indonesia, so the offset is fixed).</summary>
    public static DateTimeOffset StartOf(RegionCatalog regions, string regionCode, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, regions.TimeZoneOf(regionCode).GetUtcOffset(local));
    }

    /// <summary>Monday of the week holding <paramref name="day"/> (weeks run Monday to Sunday).</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
