using ScottPlot;
using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Progress;

/// <summary>
/// <c>grafik</c>: a PNG bar chart of percentage per region, best at the top, with the 100% target
/// line; 1080 px wide with large type so it stays readable on a phone.
/// </summary>
internal static class ProgressChart
{
    public const int Width = 1080;

    // A sans-serif face reads best small on phones; servers differ in which one they have.
    private static readonly Lazy<string> Font = new(() =>
        new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica" }.FirstOrDefault(f => string.Equals(Fonts.GetTypeface(f, false, false)?.FamilyName, f, StringComparison.OrdinalIgnoreCase)) ?? Fonts.Default);

    public static byte[] Render(Ranking ranking, string language)
    {
        var en = language == Languages.English;
        var entries = ranking.Entries;
        var plot = new Plot();
        plot.Font.Set(Font.Value);
        var bars = new Bar[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var percent = (double)entries[i].Percent;
            bars[i] = new Bar
            {
                // The first entry (the best) at the top.
                Position = entries.Count - 1 - i,
                Value = percent,
                Size = 0.7,
                FillColor = percent >= 100 ? Colors.SeaGreen : Colors.SteelBlue,
                LineWidth = 0,
                Label = ProgressFormatter.Percent(entries[i].Percent, en),
            };
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 28;
        barPlot.ValueLabelStyle.FontName = Font.Value;

        var line = plot.Add.VerticalLine(100, 4, Colors.Red, LinePattern.Dashed);
        line.ExcludeFromLegend = true;

        plot.Axes.Left.SetTicks(
            [.. Enumerable.Range(0, entries.Count).Select(i => (double)(entries.Count - 1 - i))],
            [.. entries.Select(e => ProgressFormatter.ShortName(e.Region))]);
        plot.Axes.Left.TickLabelStyle.FontSize = 28;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 24;
        plot.Axes.Bottom.Label.Text = en ? "% of target (red line: 100%)" : "% dari target (garis merah: 100%)";
        plot.Axes.Bottom.Label.FontSize = 26;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;

        var top = entries.Count == 0 ? 100 : Math.Max(100, entries.Max(e => (double)e.Percent));
        // Room on the right for the value labels.
        plot.Axes.SetLimits(0, top * 1.3, -0.6, Math.Max(entries.Count, 1) - 0.4);

        var title = (en ? "Progress in " : "Capaian ") + ranking.Parent.Name + "\n" + ProgressFormatter.Date(ranking.Moment.Day, en);
        plot.Title(title, size: 34);

        var height = 220 + (70 * Math.Max(entries.Count, 1));
        return plot.GetImageBytes(Width, height, ImageFormat.Png);
    }
}
