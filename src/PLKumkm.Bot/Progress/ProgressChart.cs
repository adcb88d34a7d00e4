using ScottPlot;
using ScottPlot.TickGenerators;

namespace PLKumkm.Bot.Progress;

/// <summary>
/// <c>grafik</c>: a PNG bar chart of percentage per region, best at the top, with the 100% target
/// line and each bar's count and target; 1080 px wide with large type so it stays readable on a
/// phone and shown as it is in a meeting. <see cref="ProgressChartLayout"/> decides the words and
/// where everything goes; this only draws it.
/// </summary>
internal static class ProgressChart
{
    public const int Width = ProgressChartLayout.Width;

    public static byte[] Render(Ranking ranking, string language) => Render(ProgressChartLayout.For(ranking, language));

    public static byte[] Render(ProgressChartLayout layout)
    {
        var rows = layout.Rows;
        var font = ProgressChartLayout.Font;
        var plot = new Plot();
        plot.Font.Set(font);
        // Fixed padding: the layout measured its labels against exactly this data area.
        plot.Layout.Fixed(new PixelPadding(layout.Left, layout.Right, ProgressChartLayout.Bottom, ProgressChartLayout.Top));

        // The forecasts first, so the real bars are drawn over them: pale where a region is heading, solid where it is.
        var forecasts = rows.Select((row, i) => row.ForecastBarValue is { } end
                ? new Bar { Position = Position(i, rows.Count), Value = end, Size = 0.7, FillColor = Colors.SteelBlue.Lighten(0.7f), LineWidth = 0 }
                : null)
            .OfType<Bar>().ToList();
        if (forecasts.Count > 0)
        {
            plot.Add.Bars(forecasts).Horizontal = true;
        }

        var bars = new Bar[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            bars[i] = new Bar
            {
                Position = Position(i, rows.Count),
                Value = rows[i].BarValue,
                Size = 0.7,
                FillColor = rows[i].Reached ? Colors.SeaGreen : Colors.SteelBlue,
                LineWidth = 0,
            };
        }

        plot.Add.Bars(bars).Horizontal = true;

        var line = plot.Add.VerticalLine(100, 4, Colors.Red, LinePattern.Dashed);
        line.ExcludeFromLegend = true;

        var scale = layout.PixelsPerPercent;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var text = plot.Add.Text(row.Label, row.LabelSpan.Left / scale, Position(i, rows.Count));
            text.LabelFontName = font;
            text.LabelFontSize = (float)ProgressChartLayout.LabelSize;
            text.LabelAlignment = Alignment.MiddleLeft;
            // Inside a bar the label is white on the bar's colour; elsewhere dark on white.
            text.LabelFontColor = row.Placement == LabelPlacement.Inside ? Colors.White : Colors.Black.WithLightness(0.2f);
            text.LabelBold = row.Placement == LabelPlacement.Inside;
        }

        plot.Axes.Left.SetTicks(
            [.. Enumerable.Range(0, rows.Count).Select(i => Position(i, rows.Count))],
            [.. rows.Select(r => r.Name)]);
        plot.Axes.Left.TickLabelStyle.FontSize = (float)ProgressChartLayout.NameSize;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.OffsetX = -ProgressChartLayout.TickGap;
        // Collected / target per row, as the right axis's labels: a column that lines up like a table.
        plot.Axes.Right.SetTicks(
            [.. Enumerable.Range(0, rows.Count).Select(i => Position(i, rows.Count))],
            [.. rows.Select(r => r.Counts)]);
        plot.Axes.Right.TickLabelStyle.FontSize = (float)ProgressChartLayout.TickSize;
        plot.Axes.Right.TickLabelStyle.ForeColor = Colors.Black.WithLightness(0.2f);
        plot.Axes.Right.MajorTickStyle.Length = 0;
        plot.Axes.Right.TickLabelStyle.OffsetX = ProgressChartLayout.TickGap;
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = v => $"{v:0}%", TargetTickCount = 6 };
        plot.Axes.Bottom.TickLabelStyle.FontSize = (float)ProgressChartLayout.TickSize;
        plot.Axes.Bottom.Label.Text = layout.AxisLabel;
        plot.Axes.Bottom.Label.FontSize = (float)ProgressChartLayout.AxisLabelSize;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;

        var (low, high) = YRange(rows.Count);
        plot.Axes.SetLimits(0, layout.XMax, low, high);
        plot.Axes.SetLimitsY(low, high, plot.Axes.Right);

        plot.Axes.Title.Label.Text = layout.Title;
        plot.Axes.Title.Label.FontSize = (float)ProgressChartLayout.TitleSize;
        // Above the subtitle (both panels start at the data area's edge in a fixed layout), centred on the image.
        plot.Axes.Title.Label.OffsetY = -44;
        plot.Axes.Title.Label.OffsetX = (layout.Right - layout.Left) / 2f;
        // The subtitle is the top axis's label, so it sits under the title in its own size.
        plot.Axes.Top.Label.Text = layout.Subtitle;
        plot.Axes.Top.Label.FontSize = (float)ProgressChartLayout.SubtitleSize;
        plot.Axes.Top.Label.Bold = false;
        plot.Axes.Top.Label.ForeColor = Colors.Black.WithLightness(0.3f);
        plot.Axes.Top.Label.OffsetX = (layout.Right - layout.Left) / 2f;
        plot.Axes.Top.SetTicks([], []);
        plot.Axes.Top.MajorTickStyle.Length = 0;
        plot.Axes.Top.MinorTickStyle.Length = 0;

        return plot.GetImageBytes(Width, layout.Height, ImageFormat.Png);
    }

    // The first row (the best) at the top.
    private static double Position(int index, int count) => count - 1 - index;

    // Rows are one unit apart; a single row is centred in the two rows' height the layout gives it.
    private static (double Low, double High) YRange(int count) =>
        count <= 1 ? (-1, 1) : (-0.5, count - 0.5);
}
