using System.Globalization;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Staff.Performance;

/// <summary>An enumerator's counted records (active or flagged, each once) on their region's clock.</summary>
internal sealed record PerformanceCounts(int Today, int ThisWeek, int Total);

/// <summary>
/// What <c>/kinerja</c> says (pure): counts, the enumerator's share of the regency target
/// (target ÷ enumerators, rounded up), days left to the campaign end counting today, and the daily pace
/// that share now needs.
/// </summary>
internal static class PerformanceReport
{
    public static UserText Build(string name, string regionName, PerformanceCounts counts, CampaignTarget? target, DateOnly today)
    {
        var monday = RegionClock.MondayOf(today);
        var head = new UserText(
            $"""
            📈 Kinerja {name} — {regionName}
            Hari ini: {N(counts.Today)}
            Minggu ini ({Short(monday)}–{Short(monday.AddDays(6))}): {N(counts.ThisWeek)}
            Total: {N(counts.Total)}
            """,
            $"""
            📈 Performance of {name} — {regionName}
            Today: {N(counts.Today)}
            This week ({Short(monday)}–{Short(monday.AddDays(6))}): {N(counts.ThisWeek)}
            Total: {N(counts.Total)}
            """);
        return head.Append(TargetPart(counts.Total, target, today), "\n");
    }

    public static long? ShareOf(CampaignTarget target) =>
        target.Enumerators > 0 ? (long)Math.Ceiling(target.Target / (double)target.Enumerators) : null;

    /// <summary>Days from <paramref name="today"/> (or the start, if later) to the end, both counted; 0 once it is over.</summary>
    public static int DaysLeft(CampaignTarget target, DateOnly today)
    {
        var from = today > target.Start ? today : target.Start;
        return Math.Max(0, target.End.DayNumber - from.DayNumber + 1);
    }

    private static UserText TargetPart(int total, CampaignTarget? target, DateOnly today)
    {
        if (target is null)
        {
            return new UserText(
                "Target wilayah Anda belum dimasukkan admin, jadi bagian target dan laju yang dibutuhkan belum bisa dihitung.",
                "Your region's target has not been entered yet, so your share and the pace needed cannot be worked out.");
        }

        if (ShareOf(target) is not { } share)
        {
            return new UserText(
                $"Target wilayah: {N(target.Target)}, tetapi jumlah enumeratornya belum diisi, jadi bagian Anda belum bisa dihitung.",
                $"Regional target: {N(target.Target)}, but the number of enumerators is missing, so your share cannot be worked out.");
        }

        var percent = Percent(total, share);
        var shareLine = new UserText(
            $"Bagian target Anda: {N(share)} ({N(target.Target)} ÷ {N(target.Enumerators)} enumerator) — {percent}",
            $"Your share of the target: {N(share)} ({N(target.Target)} ÷ {N(target.Enumerators)} enumerators) — {percent}");
        var remaining = share - total;
        var daysLeft = DaysLeft(target, today);
        var end = DateParser.Format(target.End);
        UserText pace;
        if (remaining <= 0)
        {
            pace = new UserText("🎉 Bagian target Anda sudah tercapai. Terima kasih!", "🎉 You have reached your share. Thank you!");
        }
        else if (daysLeft == 0)
        {
            pace = new UserText(
                $"Pendataan berakhir {end}; kurang {N(remaining)} dari bagian Anda.",
                $"The census ended on {end}; {N(remaining)} short of your share.");
        }
        else
        {
            var perDay = (long)Math.Ceiling(remaining / (double)daysLeft);
            pace = new UserText(
                $"Sisa {N(daysLeft)} hari (sampai {end}): kurang {N(remaining)}, perlu {N(perDay)} per hari.",
                $"{N(daysLeft)} days left (until {end}): {N(remaining)} to go, {N(perDay)} a day needed.");
        }

        return shareLine.Append(pace, "\n");
    }

    /// <summary><c>28,00%</c>: two decimals, Indonesian comma.</summary>
    public static string Percent(long part, long whole) =>
        (whole == 0 ? 0 : part * 100.0 / whole).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',') + "%";

    private static string N(long n) => MoneyFormat.Grouped(n);

    private static string Short(DateOnly day) => day.ToString("d/M", CultureInfo.InvariantCulture);
}
