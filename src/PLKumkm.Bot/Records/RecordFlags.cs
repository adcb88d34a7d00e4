using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage;
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

    public static async Task ApplyAsync(BotDbContext db, UmkmRecord record, CancellationToken ct)
    {
        if (record.Status is not (RecordStatus.Active or RecordStatus.Flagged))
        {
            return;
        }

        var reasons = Implausible(record).ToList();
        if (await LikelyDuplicateOfAsync(db, record, ct) is { } original)
        {
            reasons.Insert(0, $"kemungkinan duplikat dari {original}");
        }

        if (reasons.Count == 0)
        {
            if (record.Status == RecordStatus.Flagged)
            {
                record.Status = RecordStatus.Active;
                record.FlagReason = null;
            }

            return;
        }

        var approved = record.Id != 0 && await db.ReviewDecisions.AnyAsync(
            d => d.Kind == RecordKind.Umkm && d.RecordId == record.Id && d.Decision == ReviewOutcome.Approved, ct);
        if (!approved)
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

    /// <summary>
    /// Another owner's record (another NIK) of a business with the same normalised name in the same
    /// village: its registration number. Records already decided as duplicates or rejected do not count.
    /// </summary>
    private static async Task<string?> LikelyDuplicateOfAsync(BotDbContext db, UmkmRecord record, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(record.KodeDesa) || string.IsNullOrEmpty(record.NamaUsahaNormal))
        {
            return null;
        }

        var id = record.Id;
        var nik = record.Nik;
        return await db.UmkmRecords
            // Only older records: the first one recorded is the original, never flagged because of a later copy.
            .Where(r => r.KodeDesa == record.KodeDesa && r.NamaUsahaNormal == record.NamaUsahaNormal && (id == 0 || r.Id < id)
                && r.Nik != nik
                && (r.Status == RecordStatus.Active || r.Status == RecordStatus.Flagged))
            .OrderBy(r => r.Id)
            .Select(r => r.RegistrationNumber)
            .FirstOrDefaultAsync(ct);
    }
}
