using System.Globalization;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Records;

/// <summary>
/// Marks a record for a coordinator's review (<see cref="RecordStatus.Flagged"/>, still counted once)
/// when it is likely another owner's business already recorded, or its figures do not hang together.
/// A record a coordinator approved is not flagged again; a flagged record whose problem was corrected
/// is released.
/// </summary>
/// <remarks>
/// A location far outside the village's regency cannot be checked: the bundled region data has no
/// coordinates or boundaries.
/// </remarks>
internal static class RecordFlags
{
    /// <summary>More workers than this in a business whose sales make it micro is implausible.</summary>
    public const int MaxWorkersMicro = 100;

    /// <summary>Sales per year below this while people work there is implausible (a slip with the zeros).</summary>
    public const long MinAnnualSalesWithWorkers = 1_000;

    /// <summary>
    /// Sets the record's flag from its figures and <paramref name="sameNameInVillage"/> (another owner's older record of
    /// the same name in the same village, see <see cref="Rules.UmkmMatches"/>): flagged with every reason, or released
    /// when none is left. An approved record is not flagged again. Only for active or flagged records.
    /// </summary>
    public static void Apply(UmkmRecord record, string? sameNameInVillage, bool approved)
    {
        var reasons = Implausible(record).ToList();
        if (sameNameInVillage is not null)
        {
            reasons.Insert(0, $"kemungkinan duplikat dari {sameNameInVillage}");
        }

        if (reasons.Count == 0)
        {
            if (record.Status == RecordStatus.Flagged)
            {
                record.Status = RecordStatus.Active;
                record.FlagReason = null;
            }
        }
        else if (!approved)
        {
            record.Status = RecordStatus.Flagged;
            record.FlagReason = string.Join("; ", reasons);
        }
    }

    /// <summary>Figures that contradict each other or the size class (pure).</summary>
    public static IEnumerable<string> Implausible(UmkmRecord r)
    {
        if (r.Skala == SizeClass.Besar)
        {
            yield return "skala besar: di luar cakupan UMKM";
        }

        var microBySales = r.OmzetTahunan is { } sales && SizeClass.BySales(sales) == SizeClass.Mikro;
        if (r.TkTotal > MaxWorkersMicro && microBySales)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"tidak wajar: {r.TkTotal} pekerja untuk usaha mikro (omzet {MoneyFormat.Rupiah(r.OmzetTahunan!.Value)}/tahun)");
        }

        if (r.TkDibayar > r.TkTotal)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"tidak wajar: pekerja dibayar ({r.TkDibayar}) lebih dari jumlah pekerja ({r.TkTotal})");
        }

        if (r.TkPerempuan > r.TkTotal)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"tidak wajar: pekerja perempuan ({r.TkPerempuan}) lebih dari jumlah pekerja ({r.TkTotal})");
        }

        if (r.OmzetTahunan < MinAnnualSalesWithWorkers && r.TkTotal > 0)
        {
            yield return $"tidak wajar: omzet {MoneyFormat.Rupiah(r.OmzetTahunan!.Value)}/tahun dengan pekerja";
        }
    }
}
