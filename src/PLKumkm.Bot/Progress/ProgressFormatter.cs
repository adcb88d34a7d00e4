using System.Globalization;
using System.Text;
using Humanizer;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Progress;

/// <summary>
/// The words of a progress answer, short enough for a phone screen: Indonesian number and date
/// formats (<c>13.495 dari 42.000 (32,13%)</c>), or English ones for people who chose English.
/// The bot and the <c>progress</c> verb both print this, so they can never disagree.
/// </summary>
internal static class ProgressFormatter
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Format(RegionProgress progress, string language)
    {
        var en = language == Languages.English;
        var text = new StringBuilder();
        text.Append('*').Append(en ? "Progress of " : "Progres ").Append(progress.Region.FullName).AppendLine("*");
        text.AppendLine(Moment(progress.Moment, en));

        if (progress.Target is not { } target)
        {
            text.AppendLine(en
                ? $"Collected {Number(progress.Collected.Total, en)} records{Koperasi(progress.Collected, en)}. No target has been set for this region yet."
                : $"Terkumpul {Number(progress.Collected.Total, en)} data{Koperasi(progress.Collected, en)}. Wilayah ini belum punya target.");
            text.Append(Added(progress, en));
            return text.ToString();
        }

        var day = progress.Moment.Day;
        if (day < target.Start)
        {
            var wait = target.Start.DayNumber - day.DayNumber;
            text.AppendLine(en
                ? $"The census has not started: it runs from {Date(target.Start, en)} ({Days(wait, en)} to go) to {Date(target.End, en)}."
                : $"Pendataan belum dimulai: berlangsung {Date(target.Start, en)} ({Days(wait, en)} lagi) s.d. {Date(target.End, en)}.");
            text.AppendLine(en
                ? $"Target {Number(target.Target, en)} records{Enumerators(target, en)}."
                : $"Target {Number(target.Target, en)} data{Enumerators(target, en)}.");
            if (progress.Collected.Total > 0)
            {
                text.AppendLine(en
                    ? $"Already in: {Number(progress.Collected.Total, en)}{Koperasi(progress.Collected, en)}."
                    : $"Sudah masuk {Number(progress.Collected.Total, en)} data{Koperasi(progress.Collected, en)}.");
            }

            return text.ToString().TrimEnd();
        }

        // As of the end of a day, that day is spent; asked today, today still counts.
        var daysToEnd = target.End.DayNumber - day.DayNumber;
        var over = progress.Moment.AsOf ? daysToEnd <= 0 : daysToEnd < 0;
        var figure = $"{Number(progress.Collected.Total, en)} {(en ? "of" : "dari")} {Number(target.Target, en)} ({Percent(progress.Percent!.Value, en)})";
        if (over)
        {
            text.AppendLine(en
                ? $"The census ended on {Date(target.End, en)}. Final figure: {figure}{Koperasi(progress.Collected, en)}."
                : $"Pendataan sudah berakhir {Date(target.End, en)}. Angka akhir: {figure}{Koperasi(progress.Collected, en)}.");
            text.Append(Rank(progress.Rank, en));
            return text.ToString().TrimEnd();
        }

        text.AppendLine(en
            ? $"Collected {figure}{Koperasi(progress.Collected, en)}"
            : $"Terkumpul {figure}{Koperasi(progress.Collected, en)}");
        text.Append(Rank(progress.Rank, en));
        text.AppendLine(Ends(target.End, daysToEnd, en));

        var remaining = target.Target - progress.Collected.Total;
        if (remaining <= 0)
        {
            text.AppendLine(en
                ? $"🎉 The target is reached{(remaining < 0 ? $", {Number(-remaining, en)} above it" : "")}."
                : $"🎉 Target sudah tercapai{(remaining < 0 ? $", lebih {Number(-remaining, en)}" : "")}.");
        }
        else
        {
            var workingDays = progress.Moment.AsOf ? daysToEnd : daysToEnd + 1;
            text.AppendLine(Pace(remaining, workingDays, target.Enumerators, en));
            if (progress.Forecast is { } forecast)
            {
                text.AppendLine(Forecasting(forecast, en));
            }
        }

        text.Append(Added(progress, en));
        return text.ToString().TrimEnd();
    }

    public static string FormatRanking(Ranking ranking, string language)
    {
        var en = language == Languages.English;
        var text = new StringBuilder();
        var children = ranking.Parent.Level == RegionLevel.Country ? (en ? "provinces" : "provinsi") : (en ? "regencies/cities" : "kabupaten/kota");
        text.Append('*').Append(en ? $"Ranking of {children} in " : $"Peringkat {children} di ").Append(ranking.Parent.Name).AppendLine("*");
        text.AppendLine(Moment(ranking.Moment, en));
        if (ranking.Entries.Count == 0)
        {
            text.Append(en ? "No targets have been set here yet." : "Belum ada target di wilayah ini.");
            return text.ToString();
        }

        var position = 0;
        var forecasts = 0;
        decimal? previous = null;
        for (var i = 0; i < ranking.Entries.Count; i++)
        {
            var entry = ranking.Entries[i];
            // Equal percentages share a place, like the rank in a region's own answer.
            if (entry.Percent != previous)
            {
                position = i + 1;
                previous = entry.Percent;
            }

            text.Append(CultureInfo.InvariantCulture, $"{position}. {ShortName(entry.Region)}: {Percent(entry.Percent, en)} ({Number(entry.Collected.Total, en)}/{Number(entry.Target.Target, en)})");
            if (entry.ForecastAt(ranking.Moment) is { } forecast)
            {
                forecasts++;
                text.Append(forecast.WillReach ? " ✅" : $" ⚠️ → {Percent(forecast.PercentAtEnd, en)}");
            }

            text.AppendLine();
        }

        if (forecasts > 0)
        {
            text.AppendLine(en
                ? "✅ on course to reach the target, ⚠️ → % expected at the end (pace of the last 7 days)."
                : "✅ diperkirakan mencapai target, ⚠️ → % perkiraan di akhir pendataan (laju 7 hari terakhir).");
        }

        if (ranking.WithoutTarget > 0)
        {
            text.AppendLine(en
                ? $"{ranking.WithoutTarget} more without a target."
                : $"{ranking.WithoutTarget} lainnya belum punya target.");
        }

        if (ranking.Total.Target is { } total)
        {
            text.Append(en ? "Total: " : "Total: ")
                .Append(CultureInfo.InvariantCulture, $"{Number(ranking.Total.Collected.Total, en)} {(en ? "of" : "dari")} {Number(total.Target, en)} ({Percent(ranking.Total.Percent!.Value, en)})");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The caption under a chart: what it shows and when.</summary>
    public static string ChartCaption(Ranking ranking, string language)
    {
        var en = language == Languages.English;
        var caption = en
            ? $"Census progress in {ranking.Parent.Name}, % of target per {(ranking.Parent.Level == RegionLevel.Country ? "province" : "regency/city")}. {ProgressChartLayout.SubtitleFor(ranking, en)}."
            : $"Capaian pendataan {ranking.Parent.Name}, % dari target per {(ranking.Parent.Level == RegionLevel.Country ? "provinsi" : "kabupaten/kota")}. {ProgressChartLayout.SubtitleFor(ranking, en)}.";
        var forecasts = ranking.Entries.Select(e => (e.Region, Forecast: e.ForecastAt(ranking.Moment))).Where(f => f.Forecast is not null).ToList();
        if (forecasts.Count == 0)
        {
            return caption;
        }

        // The picture shows where each region is; the caption says where they are heading.
        var short_ = forecasts.Where(f => !f.Forecast!.WillReach).Select(f => ShortName(f.Region)).ToList();
        var reach = forecasts.Count - short_.Count;
        return caption + (en
            ? $" At the pace of the last 7 days {reach} of {forecasts.Count} reach their target" + (short_.Count == 0 ? "." : $"; not: {string.Join(", ", short_)}.")
            : $" Dengan laju 7 hari terakhir {reach} dari {forecasts.Count} mencapai target" + (short_.Count == 0 ? "." : $"; belum: {string.Join(", ", short_)}."));
    }

    /// <summary><c>Ogan Komering Ulu</c> for a kabupaten (the usual way to say it), <c>Kota Palembang</c> for a city.</summary>
    public static string ShortName(Region region) =>
        region.Kind.StartsWith("Kabupaten", StringComparison.Ordinal) || region.Level == RegionLevel.Province ? region.Name : region.FullName;

    public static string Number(long value, bool en) => value.ToString("N0", en ? English : Indonesian);

    public static string Percent(decimal value, bool en) => value.ToString("N2", en ? English : Indonesian) + "%";

    public static string Date(DateOnly date, bool en) =>
        en ? date.ToString("d MMMM yyyy", English) : DateParser.Format(date);

    public static string Moment(ProgressMoment moment, bool en)
    {
        if (moment.AsOf)
        {
            var yesterday = moment.Day == moment.Today.AddDays(-1)
                ? moment.Day.Humanize(moment.Today, en ? English : Indonesian) + ", "
                : "";
            return en
                ? $"As of {yesterday}{Date(moment.Day, en)}, 24:00 {moment.Zone}"
                : $"Per {yesterday}{Date(moment.Day, en)}, pukul 24.00 {moment.Zone}";
        }

        var time = moment.LocalNow.ToString(en ? "HH:mm" : "HH.mm", CultureInfo.InvariantCulture);
        return en
            ? $"Today, {Date(moment.Day, en)}, {time} {moment.Zone}"
            : $"Hari ini, {Date(moment.Day, en)}, pukul {time} {moment.Zone}";
    }

    private static string Koperasi(Tally tally, bool en) =>
        tally.Koperasi == 0 ? "" : en ? $", including {Number(tally.Koperasi, en)} cooperatives" : $", termasuk {Number(tally.Koperasi, en)} koperasi";

    private static string Enumerators(TargetFigures target, bool en) =>
        target.Enumerators == 0 ? "" : en ? $", {Number(target.Enumerators, en)} enumerators" : $", {Number(target.Enumerators, en)} pencacah";

    private static string Rank(RegionRank? rank, bool en) =>
        rank is null
            ? ""
            : (en ? $"Rank {rank.Position} of {rank.Of} in {rank.Parent.Name}" : $"Peringkat {rank.Position} dari {rank.Of} di {rank.Parent.Name}") + "\n";

    private static string Ends(DateOnly end, int daysToEnd, bool en)
    {
        if (daysToEnd == 0)
        {
            return en ? $"The census ends today, {Date(end, en)}." : $"Pendataan berakhir hari ini, {Date(end, en)}.";
        }

        return en
            ? $"The census ends on {Date(end, en)}, {Days(daysToEnd, en)} left."
            : $"Pendataan berakhir {Date(end, en)}, {Days(daysToEnd, en)} lagi.";
    }

    private static string Pace(long remaining, int workingDays, long enumerators, bool en)
    {
        // One rule for every pace: rounded up (a pace that is kept must be enough), the per-enumerator share derived
        // from the daily figure shown, so "7 a day (2,4 per enumerator)" with 3 enumerators adds up.
        var perDay = (long)Math.Ceiling(remaining / (double)workingDays);
        var perEnumerator = enumerators > 0 ? Math.Ceiling(perDay * 10.0 / enumerators) / 10 : (double?)null;
        var culture = en ? English : Indonesian;
        var each = perEnumerator is { } e
            ? en ? $" ({e.ToString("N1", culture)} per enumerator)" : $" ({e.ToString("N1", culture)} per pencacah)"
            : "";
        return en
            ? $"Needed: {Number(perDay, en)} records a day{each}."
            : $"Perlu {Number(perDay, en)} data per hari{each}.";
    }

    /// <summary>"Laju 7 hari terakhir: 312 data per hari (sejak mulai 82). Dengan laju itu target tercapai 12 Oktober 2022."</summary>
    private static string Forecasting(Forecast forecast, bool en)
    {
        var recent = PerDay(forecast.RecentPerDay, en);
        var overall = PerDay(forecast.OverallPerDay, en);
        var pace = en
            ? $"Pace of the last 7 days: {recent} a day (since the start {overall})."
            : $"Laju 7 hari terakhir: {recent} data per hari (sejak mulai {overall}).";
        if (forecast.RecentPerDay <= 0)
        {
            return en
                ? "No records came in over the last 7 days: at that pace the target will not be reached."
                : "Tidak ada data masuk dalam 7 hari terakhir: dengan laju itu target tidak tercapai.";
        }

        return pace + " " + (forecast.ReachedOn is { } on
            ? en ? $"At that pace the target is reached on {Date(on, en)}." : $"Dengan laju itu target tercapai {Date(on, en)}."
            : en ? $"At that pace {Percent(forecast.PercentAtEnd, en)} by {Date(forecast.End, en)}: the target will not be reached."
                : $"Dengan laju itu baru {Percent(forecast.PercentAtEnd, en)} pada {Date(forecast.End, en)}: target tidak tercapai.");
    }

    // Whole numbers once there are ten or more a day; one decimal below, so a slow start does not read "0".
    private static string PerDay(double value, bool en) =>
        value >= 10 ? Number((long)Math.Round(value), en) : value.ToString("N1", en ? English : Indonesian);

    private static string Added(RegionProgress progress, bool en)
    {
        var added = progress.AddedOnDay;
        var count = Number(added.Total, en) + Koperasi(added, en);
        return progress.Moment.AsOf
            ? en ? $"Added on {Date(progress.Moment.Day, en)}: {count}." : $"Masuk pada {Date(progress.Moment.Day, en)}: {count} data."
            : en ? $"Added today: {count}." : $"Masuk hari ini: {count} data.";
    }

    // "48 hari" / "48 days": Humanizer in the person's language, kept in days (not "6 minggu").
    private static string Days(int days, bool en) =>
        TimeSpan.FromDays(days).Humanize(maxUnit: TimeUnit.Day, minUnit: TimeUnit.Day, culture: en ? English : Indonesian);
}
