using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Progress.Targets;

/// <summary>
/// The most a region's target (or its enumerators or coordinators) can sensibly be. Indonesia has about 64 million
/// UMKM in all; the most populous province (Jawa Barat) holds well under a fifth of them and the largest regency a few
/// percent, so each bound is several times what any real region needs while a typing slip (an extra digit, 2147483647
/// pasted from a spreadsheet) is still caught.
/// </summary>
internal static class TargetBounds
{
    public const long Regency = 10_000_000;
    public const long Province = 50_000_000;
    public const long Country = 100_000_000;

    private const string Why = "Indonesia has about 64 million UMKM in all";

    public static long For(RegionLevel level) => level == RegionLevel.Province ? Province : Regency;

    /// <summary>Null when <paramref name="value"/> is within the bound of <paramref name="level"/>; else why not.</summary>
    public static string? Check(string column, long value, RegionLevel level)
    {
        var bound = For(level);
        return value <= bound
            ? null
            : $"{column} {MoneyFormat.Grouped(value)} is more than {(level == RegionLevel.Province ? "a province" : "a regency/city")} can have " +
              $"(at most {MoneyFormat.Grouped(bound)}; {Why})";
    }

    public static string? CheckCountry(long total) =>
        total <= Country
            ? null
            : $"the targets would add up to {MoneyFormat.Grouped(total)} for Indonesia, more than {MoneyFormat.Grouped(Country)} ({Why}); nothing saved";
}
