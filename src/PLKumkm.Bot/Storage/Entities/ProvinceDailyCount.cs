using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// <see cref="DailyCount"/> summed per province (a province has one time zone, so its regencies'
/// local days agree). Kept beside the regency rows so province and national answers read a few
/// thousand rows instead of every regency's.
/// </summary>
internal sealed class ProvinceDailyCount
{
    public string ProvinceCode { get; set; } = "";
    public DateOnly Day { get; set; }
    public RecordKind Kind { get; set; }
    public long Count { get; set; }
}

/// <summary>
/// All counted records of a province and kind, whatever the day: an answer "as of" a day is this total
/// minus the few days after it, so no answer sums a province's whole history.
/// </summary>
internal sealed class ProvinceTotal
{
    public string ProvinceCode { get; set; } = "";
    public RecordKind Kind { get; set; }
    public long Count { get; set; }
}

/// <summary>All counted records of a regency and kind, whatever the day (see <see cref="ProvinceTotal"/>).</summary>
internal sealed class RegencyTotal
{
    public string RegencyCode { get; set; } = "";
    public RecordKind Kind { get; set; }
    public long Count { get; set; }
}
