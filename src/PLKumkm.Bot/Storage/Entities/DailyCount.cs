using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// Records that count, per regency, per local day (the regency's own WIB/WITA/WIT date of
/// <c>waktu_kirim</c>) and kind. Progress reads only these, so its cost does not grow with records.
/// </summary>
internal sealed class DailyCount
{
    public string RegencyCode { get; set; } = "";
    public DateOnly Day { get; set; }
    public RecordKind Kind { get; set; }
    public long Count { get; set; }
}
