using PLKumkm.Bot.Core;
using ScottPlot;
using SkiaSharp;

namespace PLKumkm.Bot.Progress;

/// <summary>Where a bar's label sits: after the bar, inside its end, or past the 100% line when neither keeps clear of it.</summary>
internal enum LabelPlacement
{
    Outside,
    Inside,
    BeyondTarget,
}

/// <summary>
/// One bar: <see cref="BarValue"/> is what is drawn (never thinner than a stub), <see cref="Percent"/> what is true;
/// <see cref="Label"/> (the percentage) goes by the bar, <see cref="Counts"/> (collected / target) in the column on the right.
/// </summary>
internal sealed record ChartRow(string Name, double Percent, double BarValue, bool Reached, string Label, string Counts, double LabelWidth, LabelPlacement Placement)
{
    /// <summary>The label's left and right edge in pixels from the start of the data area.</summary>
    public (double Left, double Right) LabelSpan { get; init; }

    /// <summary>
    /// The percentage expected when the campaign ends at the pace of the last 7 days (<see cref="Forecast.PercentAtEnd"/>),
    /// drawn as a pale bar behind the real one; null when there is no forecast (no pace yet, target reached, campaign over).
    /// </summary>
    public double? ForecastPercent { get; init; }

    /// <summary>Where the pale forecast bar ends: the forecast, cut at the axis's end.</summary>
    public double? ForecastBarValue { get; init; }
}

/// <summary>
/// Everything about a progress chart that can be decided (and tested) without drawing it: the words,
/// the image size, the axis limit and where every label goes. Worked out in pixels with a fixed
/// plot-area padding, because only then is it known whether a label would touch the 100% line or
/// run off the right edge; the axis limit is then the smallest that keeps every label clear and inside.
/// </summary>
internal sealed class ProgressChartLayout
{
    public const int Width = 1080;
    public const int RowHeight = 64;
    public const double TitleSize = 34, SubtitleSize = 26, NameSize = 26, LabelSize = 24, TickSize = 22, AxisLabelSize = 24;

    // The dashed 100% line is 4 px wide; labels keep this far from its centre and this far from a bar's end.
    public const double LineClearance = 8, Gap = 10;

    // A bar is never drawn thinner than this, so a region at (or near) 0% still shows where its bar starts.
    public const double StubPixels = 6;

    public const int Top = 128, Bottom = 104;

    // Between the region names (and the counts) and the plot's frame.
    public const float TickGap = 10;

    // A sans-serif face reads best small on phones; servers differ in which one they have.
    private static readonly Lazy<string> FontName = new(() =>
        new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica" }.FirstOrDefault(f => string.Equals(Fonts.GetTypeface(f, false, false)?.FamilyName, f, StringComparison.OrdinalIgnoreCase)) ?? Fonts.Default);

    private ProgressChartLayout(string title, string subtitle, string axisLabel, IReadOnlyList<ChartRow> rows, int left, int right, int height, double xMax)
    {
        (Title, Subtitle, AxisLabel, Rows, Left, Right, Height, XMax) = (title, subtitle, axisLabel, rows, left, right, height, xMax);
    }

    public static string Font => FontName.Value;

    public string Title { get; }

    /// <summary>When the figures are from: now with the time, the end of an as-of day, or the campaign's last day once it is over.</summary>
    public string Subtitle { get; }

    public string AxisLabel { get; }

    /// <summary>Best first, as in <c>peringkat</c>.</summary>
    public IReadOnlyList<ChartRow> Rows { get; }

    /// <summary>The left padding: room for the longest region name.</summary>
    public int Left { get; }

    /// <summary>The right padding: room for the widest "collected / target".</summary>
    public int Right { get; }

    public int Height { get; }

    /// <summary>The right end of the percentage axis.</summary>
    public double XMax { get; }

    public double DataWidth => Width - Left - Right;

    public double PixelsPerPercent => DataWidth / XMax;

    public static ProgressChartLayout For(Ranking ranking, string language)
    {
        var en = language == Languages.English;
        var entries = ranking.Entries;
        var names = entries.Select(e => ProgressFormatter.ShortName(e.Region)).ToList();
        var labels = entries.Select(e => ProgressFormatter.Percent(e.Percent, en)).ToList();
        var counts = entries.Select(e => Counts(e, en)).ToList();
        var widths = labels.Select(l => Measure(l, LabelSize)).ToList();
        var left = (int)Math.Ceiling((names.Count == 0 ? 0 : names.Max(n => Measure(n, NameSize))) + 36 + TickGap);
        // The counts are the right axis's tick labels; at least wide enough for half of the last bottom tick ("130%").
        var right = (int)Math.Ceiling(Math.Max(counts.Count == 0 ? 0 : counts.Max(c => Measure(c, TickSize)), 60) + 36 + TickGap);
        // One region still gets two rows of height, so its bar is not a slab.
        var height = Top + Bottom + (RowHeight * Math.Max(entries.Count, 2));
        var dataWidth = Width - left - right;

        var top = entries.Count == 0 ? 100 : Math.Max(100, entries.Max(e => (double)e.Percent));
        // The smallest axis (in 2% steps) that gives every label a clear place. One always exists while a
        // label is narrower than the plot; past 200 steps (a label wider than that) they go after their bars regardless.
        var forecasts = entries.Select(e => e.ForecastAt(ranking.Moment)).ToList();
        for (var xMax = top * 1.04; ; xMax += 2)
        {
            var rows = Place(entries, names, labels, counts, widths, dataWidth / xMax, dataWidth, force: xMax > (top * 1.04) + 400);
            if (rows is not null)
            {
                rows = [.. rows.Select((row, i) => forecasts[i] is { } f && (double)f.PercentAtEnd > row.Percent
                    ? row with { ForecastPercent = (double)f.PercentAtEnd, ForecastBarValue = Math.Min((double)f.PercentAtEnd, xMax) }
                    : row)];
                var axis = en ? "% of target (red line: 100%); right: collected / target" : "% dari target (garis merah: 100%); kanan: terkumpul / target";
                if (rows.Any(r => r.ForecastPercent is not null))
                {
                    axis += en ? "\npale bar: expected at the census's end, at the pace of the last 7 days"
                        : "\nbatang pucat: perkiraan di akhir pendataan, dengan laju 7 hari terakhir";
                }

                return new ProgressChartLayout(TitleFor(ranking, en), SubtitleFor(ranking, en), axis, rows, left, right, height, xMax);
            }
        }
    }

    /// <summary>
    /// <c>13.495 / 42.000</c>. In a column of its own rather than after the percentage: a label that long by
    /// every bar leaves no axis on which the mid-length bars' labels clear the 100% line short of doubling it.
    /// </summary>
    public static string Counts(RankingEntry entry, bool en) =>
        $"{ProgressFormatter.Number(entry.Collected.Total, en)} / {ProgressFormatter.Number(entry.Target.Target, en)}";

    public static double Measure(string text, double size)
    {
        using var font = new SKFont(Fonts.GetTypeface(Font, false, false), (float)size);
        return font.MeasureText(text);
    }

    private static List<ChartRow>? Place(IReadOnlyList<RankingEntry> entries, List<string> names, List<string> labels, List<string> counts, List<double> widths, double scale, double dataWidth, bool force)
    {
        var line = 100 * scale;
        bool Clear(double from, double to) => to < line - LineClearance || from > line + LineClearance;
        var rows = new List<ChartRow>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var percent = (double)entries[i].Percent;
            var end = Math.Max(percent * scale, StubPixels);
            var w = widths[i];
            (LabelPlacement, double, double)? spot = null;
            if (Clear(end + Gap, end + Gap + w) && end + Gap + w <= dataWidth - Gap)
            {
                spot = (LabelPlacement.Outside, end + Gap, end + Gap + w);
            }
            else if (end >= w + (2 * Gap) && Clear(end - Gap - w, end - Gap))
            {
                spot = (LabelPlacement.Inside, end - Gap - w, end - Gap);
            }
            else if (end < line && line + LineClearance + Gap + w <= dataWidth - Gap)
            {
                spot = (LabelPlacement.BeyondTarget, line + LineClearance + Gap, line + LineClearance + Gap + w);
            }
            else if (force)
            {
                spot = (LabelPlacement.Outside, end + Gap, end + Gap + w);
            }

            if (spot is not { } s)
            {
                return null;
            }

            rows.Add(new ChartRow(names[i], percent, end / scale, percent >= 100, labels[i], counts[i], w, s.Item1) { LabelSpan = (s.Item2, s.Item3) });
        }

        return rows;
    }

    private static string TitleFor(Ranking ranking, bool en) => (en ? "Progress in " : "Capaian ") + ranking.Parent.Name;

    /// <summary>The moment the figures are of, or the campaign's last day once it has ended (chart and its caption).</summary>
    public static string SubtitleFor(Ranking ranking, bool en)
    {
        var moment = ranking.Moment;
        // Same rule as the text answer: as of the end of a day that day is spent; asked today, today still counts.
        if (ranking.Total.Target is { } target && (moment.AsOf ? moment.Day >= target.End : moment.Day > target.End))
        {
            return en
                ? $"Final figures: the census ended on {ProgressFormatter.Date(target.End, en)}"
                : $"Angka akhir: pendataan berakhir {ProgressFormatter.Date(target.End, en)}";
        }

        return ProgressFormatter.Moment(moment, en);
    }
}
