namespace PLKumkm.Bot.Regions;

/// <summary>The calendar day an instant falls on in a region's own clock (WIB/WITA/WIT).</summary>
internal static class LocalDay
{
    /// <summary>
    /// The day of <paramref name="instant"/> in the province of <paramref name="regionCode"/> (the
    /// country is WIB); false for a code whose province has no known zone.
    /// </summary>
    public static bool TryOf(string regionCode, DateTimeOffset instant, out DateOnly day)
    {
        day = default;
        if (!TryZone(regionCode, out var zone))
        {
            return false;
        }

        day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return true;
    }

    public static DateOnly Of(string regionCode, DateTimeOffset instant) =>
        TryOf(regionCode, instant, out var day) ? day : throw new ArgumentException($"No time zone for region '{regionCode}'.", nameof(regionCode));

    public static bool TryZone(string regionCode, out TimeZoneInfo zone)
    {
        zone = RegionTimeZones.Wib;
        if (regionCode.Length == 0)
        {
            return true;
        }

        if (!RegionCodes.TryNormalize(regionCode, out var canonical))
        {
            return false;
        }

        try
        {
            zone = RegionTimeZones.ForProvince(RegionCodes.ProvinceCode(canonical)!).Zone;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
