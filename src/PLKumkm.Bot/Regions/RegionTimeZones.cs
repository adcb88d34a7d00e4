namespace PLKumkm.Bot.Regions;

/// <summary>Indonesia's three zones, chosen by province. None observes daylight saving.</summary>
internal static class RegionTimeZones
{
    public static readonly TimeZoneInfo Wib = Load("Asia/Jakarta", 7, "WIB", "Waktu Indonesia Barat");
    public static readonly TimeZoneInfo Wita = Load("Asia/Makassar", 8, "WITA", "Waktu Indonesia Tengah");
    public static readonly TimeZoneInfo Wit = Load("Asia/Jayapura", 9, "WIT", "Waktu Indonesia Timur");

    /// <summary>Zone and its Indonesian abbreviation for a province code (<c>""</c>, the country, is WIB).</summary>
    public static (TimeZoneInfo Zone, string Abbreviation) ForProvince(string provinceCode) => provinceCode switch
    {
        "" => (Wib, "WIB"),
        // Kalimantan is split: West and Central keep Jakarta time, the rest Makassar time.
        "61" or "62" => (Wib, "WIB"),
        "63" or "64" or "65" => (Wita, "WITA"),
        // Sumatra and its islands (incl. Kepulauan Riau, 21), Java (3x): WIB. Bali/Nusa Tenggara (5x),
        // Sulawesi (7x): WITA. Maluku (8x), Papua (9x): WIT.
        _ when provinceCode.Length == 2 => provinceCode[0] switch
        {
            '1' or '2' or '3' => (Wib, "WIB"),
            '5' or '7' => (Wita, "WITA"),
            '8' or '9' => (Wit, "WIT"),
            _ => throw new ArgumentException($"No time zone known for province '{provinceCode}'.", nameof(provinceCode)),
        },
        _ => throw new ArgumentException($"Not a province code: '{provinceCode}'.", nameof(provinceCode)),
    };

    private static TimeZoneInfo Load(string ianaId, int hours, string abbreviation, string name)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Slim containers ship without tzdata; the offsets have been fixed since 1988.
            return TimeZoneInfo.CreateCustomTimeZone(ianaId, TimeSpan.FromHours(hours), $"({abbreviation}) {name}", abbreviation);
        }
    }
}
