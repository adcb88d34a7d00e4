using System.Buffers.Binary;
using PLKumkm.Bot.Progress;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Progress;

/// <summary>What can be checked of the chart without looking at it: words, sizes, the axis and where labels go.</summary>
public sealed class ProgressChartTests
{
    private static readonly RegionCatalog Catalog = RegionCatalog.Shared;
    private static readonly DateOnly Start = new(2022, 4, 1), End = new(2022, 10, 31);
    private static readonly DateTimeOffset Noon13Sept = new(2022, 9, 13, 14, 5, 0, TimeSpan.FromHours(7));

    [Fact]
    public void The_image_is_1080_wide_and_grows_with_the_number_of_regions()
    {
        var one = Size(ProgressChart.Render(Ranking("16", [64.6]), "id"));
        var sumsel = Size(ProgressChart.Render(Ranking("16", Spread(17)), "id"));
        var indonesia = Size(ProgressChart.Render(Ranking(null, Spread(38)), "id"));

        Assert.Equal([ProgressChart.Width, ProgressChart.Width, ProgressChart.Width], new[] { one.Width, sumsel.Width, indonesia.Width });
        Assert.True(one.Height < sumsel.Height && sumsel.Height < indonesia.Height, $"{one.Height} < {sumsel.Height} < {indonesia.Height}");
        // Every row gets the same height, however many there are.
        Assert.Equal(ProgressChartLayout.RowHeight * (38 - 17), indonesia.Height - sumsel.Height);
    }

    [Fact]
    public void Bars_carry_the_count_and_the_target_beside_the_percentage_in_the_readers_format()
    {
        var ranking = Ranking("16", [64.6]);
        Assert.Equal(("64,60%", "27.132 / 42.000"), (ProgressChartLayout.For(ranking, "id").Rows[0].Label, ProgressChartLayout.For(ranking, "id").Rows[0].Counts));
        Assert.Equal(("64.60%", "27,132 / 42,000"), (ProgressChartLayout.For(ranking, "en").Rows[0].Label, ProgressChartLayout.For(ranking, "en").Rows[0].Counts));
        Assert.Equal("Ogan Komering Ulu", ProgressChartLayout.For(ranking, "id").Rows[0].Name);
    }

    [Fact]
    public void The_title_names_the_region_and_the_moment_with_its_time()
    {
        var now = ProgressChartLayout.For(Ranking("16", [10], now: Noon13Sept), "id");
        Assert.Equal("Capaian Sumatera Selatan", now.Title);
        Assert.Equal("Hari ini, 13 September 2022, pukul 14.05 WIB", now.Subtitle);

        var asOf = ProgressChartLayout.For(Ranking("16", [10], now: Noon13Sept, asOf: new DateOnly(2022, 9, 1)), "id");
        Assert.Equal("Per 1 September 2022, pukul 24.00 WIB", asOf.Subtitle);

        var english = ProgressChartLayout.For(Ranking(null, [10], now: Noon13Sept), "en");
        Assert.Equal("Progress in Indonesia", english.Title);
        Assert.Equal("Today, 13 September 2022, 14:05 WIB", english.Subtitle);
    }

    [Fact]
    public void Once_the_campaign_is_over_the_title_gives_its_last_day_not_today()
    {
        var late = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(7));
        var layout = ProgressChartLayout.For(Ranking("16", [10], now: late), "id");
        Assert.Equal("Angka akhir: pendataan berakhir 31 Oktober 2022", layout.Subtitle);
        Assert.DoesNotContain("2026", layout.Subtitle);

        // As of the last day's end the campaign is over too; asked on the last day it is not.
        Assert.StartsWith("Angka akhir", ProgressChartLayout.For(Ranking("16", [10], now: late, asOf: End), "id").Subtitle);
        var lastDay = new DateTimeOffset(2022, 10, 31, 9, 0, 0, TimeSpan.FromHours(7));
        Assert.StartsWith("Hari ini, 31 Oktober 2022", ProgressChartLayout.For(Ranking("16", [10], now: lastDay), "id").Subtitle);
        Assert.Equal("Final figures: the census ended on 31 October 2022", ProgressChartLayout.For(Ranking("16", [10], now: late), "en").Subtitle);

        // The photo's caption says the same, not "Hari ini, 3 Desember 2026".
        var caption = ProgressFormatter.ChartCaption(Ranking("16", [10], now: late), "id");
        Assert.EndsWith("Angka akhir: pendataan berakhir 31 Oktober 2022.", caption, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.01)]
    [InlineData(0.3)]
    public void A_region_near_zero_still_gets_a_visible_stub(double percent)
    {
        var layout = ProgressChartLayout.For(Ranking("16", [112, 64.6, percent]), "id");
        var row = layout.Rows[^1];
        Assert.True(row.Percent <= percent, $"{row.Percent}");
        Assert.True(row.BarValue * layout.PixelsPerPercent >= ProgressChartLayout.StubPixels - 1e-9, $"{row.BarValue * layout.PixelsPerPercent} px");
        // Real bars are drawn as they are.
        Assert.Equal(64.6, layout.Rows[1].BarValue, 2);
    }

    public static TheoryData<double> Tops => [100, 64.6, 99.4, 103, 130, 187.5, 12];

    [Theory]
    [MemberData(nameof(Tops))]
    public void Labels_keep_clear_of_the_100_line_of_their_bar_and_of_the_edges(double top)
    {
        // Every percentage from 0 to the top in small steps, so some bar ends just short of, at and past the line.
        var percents = Enumerable.Range(0, 38).Select(i => Math.Round(top * (37 - i) / 37, 2)).ToList();
        var layout = ProgressChartLayout.For(Ranking(null, percents), "id");
        var scale = layout.PixelsPerPercent;
        var line = 100 * scale;
        foreach (var row in layout.Rows)
        {
            var (left, right) = row.LabelSpan;
            var end = row.BarValue * scale;
            Assert.True(right < line - ProgressChartLayout.LineClearance || left > line + ProgressChartLayout.LineClearance, $"{row.Label} at {left:0}-{right:0}, line at {line:0}");
            Assert.True(left >= 0 && right <= layout.DataWidth - ProgressChartLayout.Gap, $"{row.Label} at {left:0}-{right:0} of {layout.DataWidth:0}");
            Assert.Equal(row.LabelWidth, right - left, 3);
            if (row.Placement == LabelPlacement.Inside)
            {
                Assert.True(right <= end && left >= 0, $"{row.Label} inside a bar of {end:0} px");
            }
            else
            {
                Assert.True(left >= end, $"{row.Label} at {left:0} over a bar ending at {end:0} px");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Tops))]
    public void The_axis_covers_the_largest_value_and_its_label_and_its_last_tick_fits(double top)
    {
        var layout = ProgressChartLayout.For(Ranking(null, Spread(38, top)), "id");
        Assert.True(layout.XMax >= Math.Max(100, top), $"{layout.XMax} for {top}");
        Assert.True(layout.Rows.Max(r => r.LabelSpan.Right) <= layout.DataWidth);
        // The "130" of the old Indonesia chart was cut off: half the widest tick label must fit in the right padding,
        // and so must the widest collected / target.
        var tick = ProgressChartLayout.Measure($"{Math.Ceiling(layout.XMax):0}%", ProgressChartLayout.TickSize);
        Assert.True(tick / 2 < layout.Right, $"{tick} px");
        Assert.All(layout.Rows, r => Assert.True(ProgressChartLayout.Measure(r.Counts, ProgressChartLayout.TickSize) < layout.Right, r.Counts));
        Assert.Equal(ProgressChart.Width, layout.Left + layout.DataWidth + layout.Right);
        // And no name is wider than the room on the left.
        Assert.All(layout.Rows, r => Assert.True(ProgressChartLayout.Measure(r.Name, ProgressChartLayout.NameSize) < layout.Left, r.Name));
    }

    [Fact]
    public void Only_reached_targets_are_marked_reached()
    {
        var layout = ProgressChartLayout.For(Ranking("16", [100, 99.99]), "id");
        Assert.Equal([true, false], layout.Rows.Select(r => r.Reached));
    }

    [Fact]
    public void Each_regions_forecast_is_a_pale_bar_behind_its_own_and_the_axis_says_what_it_means()
    {
        // 30% with 3.600 in the last 7 days: 90% by 31 October. 20% with nothing in a week: no pace, no pale bar.
        var ranking = WithWeekBefore(Ranking("16", [30, 20]), [12_600 - 3_600, 8_400]);
        var layout = ProgressChartLayout.For(ranking, "id");

        Assert.Equal([90, null], layout.Rows.Select(r => r.ForecastPercent));
        Assert.Equal((double)ranking.Entries[0].ForecastAt(ranking.Moment)!.PercentAtEnd, layout.Rows[0].ForecastPercent);
        Assert.EndsWith("\nbatang pucat: perkiraan di akhir pendataan, dengan laju 7 hari terakhir", layout.AxisLabel, StringComparison.Ordinal);
        Assert.DoesNotContain("batang pucat", ProgressChartLayout.For(Ranking("16", [30, 20]), "id").AxisLabel, StringComparison.Ordinal);

        // Looked at: pale blue between the bar's label and the forecast, white past it, on the first row.
        using var image = SkiaSharp.SKBitmap.Decode(ProgressChart.Render(layout));
        var y = ProgressChartLayout.Top + (ProgressChartLayout.RowHeight / 2);
        int X(double percent) => layout.Left + (int)(percent * layout.PixelsPerPercent);
        var pale = image.GetPixel(X(85), y);
        var past = image.GetPixel(X(95), y);
        Assert.True(pale.Blue > pale.Red + 20 && pale.Red > 150, $"pale bar at 85%: {pale}");
        Assert.Equal(SkiaSharp.SKColors.White, past);
        var solid = image.GetPixel(X(5), y);
        Assert.True(solid.Red < 120 && solid.Blue > 150, $"solid bar at 5%: {solid}");
    }

    [Fact]
    public void A_forecast_past_the_axis_ends_its_pale_bar_at_the_edge()
    {
        // 60% and 3.600 a day for a week: far past 100% by the end.
        var ranking = WithWeekBefore(Ranking("16", [60]), [25_200 - 25_200]);
        var row = ProgressChartLayout.For(ranking, "en").Rows.Single();
        var layout = ProgressChartLayout.For(ranking, "en");

        Assert.True(row.ForecastPercent > layout.XMax, $"{row.ForecastPercent} > {layout.XMax}");
        Assert.Equal(layout.XMax, row.ForecastBarValue);
        Assert.Contains("\npale bar: expected at the census's end", layout.AxisLabel, StringComparison.Ordinal);
    }

    /// <summary>Set PLKUMKM_CHART_DIR to write sample charts there, to look at them.</summary>
    [SkippableFact]
    public void Sample_charts_are_written_when_asked()
    {
        var dir = Environment.GetEnvironmentVariable("PLKUMKM_CHART_DIR");
        Skip.If(string.IsNullOrEmpty(dir), "PLKUMKM_CHART_DIR not set");
        Directory.CreateDirectory(dir);
        var late = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(7));
        File.WriteAllBytes(Path.Combine(dir, "one.png"), ProgressChart.Render(Ranking("64", [64.6]), "id"));
        File.WriteAllBytes(Path.Combine(dir, "sumsel.png"), ProgressChart.Render(Ranking("16", [112, 100, 97.5, 94, 88, 72.3, 64.6, 64.6, 51, 40, 33.3, 21, 12, 5, 1.2, 0.3, 0]), "id"));
        File.WriteAllBytes(Path.Combine(dir, "indonesia.png"), ProgressChart.Render(Ranking(null, Spread(38, 130), now: late), "id"));
        File.WriteAllBytes(Path.Combine(dir, "indonesia-en.png"), ProgressChart.Render(Ranking(null, Spread(38, 99.4)), "en"));
        var sumsel = Ranking("16", [112, 97.5, 72.3, 64.6, 51, 33.3, 12, 0.3]);
        File.WriteAllBytes(Path.Combine(dir, "sumsel-forecast.png"), ProgressChart.Render(
            WithWeekBefore(sumsel, [.. sumsel.Entries.Select((e, i) => (int)(e.Collected.Total - (i % 3 == 2 ? 0 : 420 * (3 + (i * 2)))))]), "id"));
        File.WriteAllBytes(Path.Combine(dir, "sumsel-forecast-en.png"), ProgressChart.Render(
            WithWeekBefore(sumsel, [.. sumsel.Entries.Select((e, i) => (int)(e.Collected.Total - (i % 3 == 2 ? 0 : 420 * (3 + (i * 2)))))]), "en"));
    }

    /// <summary>The same ranking with what each region (best first) had collected a week before.</summary>
    private static Ranking WithWeekBefore(Ranking ranking, IReadOnlyList<int> weekBefore) =>
        ranking with { Entries = [.. ranking.Entries.Select((e, i) => e with { WeekBefore = new Tally(weekBefore[i], 0) })] };

    private static List<double> Spread(int count, double top = 120) =>
        [.. Enumerable.Range(0, count).Select(i => Math.Round(top * Math.Pow((count - i) / (double)count, 1.6), 2))];

    /// <summary>A ranking of the first children of <paramref name="parentCode"/> (null: the provinces), each with a 42.000 target.</summary>
    private static Ranking Ranking(string? parentCode, IReadOnlyList<double> percents, DateTimeOffset? now = null, DateOnly? asOf = null)
    {
        var parent = parentCode is null ? RegionCatalog.Indonesia : Catalog.Find(parentCode)!;
        var children = Catalog.ChildrenOf(parentCode);
        Assert.True(children.Count >= percents.Count, $"{parent.Name} has {children.Count} children");
        var target = new TargetFigures(42_000, 84, 6, Start, End);
        var entries = percents.Select((p, i) => new RankingEntry(children[i], new Tally((int)Math.Round(p * 420), 0), target))
            .OrderByDescending(e => e.Percent).ToList();
        var local = now ?? Noon13Sept;
        var moment = new ProgressMoment(asOf ?? DateOnly.FromDateTime(local.DateTime), asOf is not null, local, "WIB");
        var total = new Tally(entries.Sum(e => e.Collected.Total), 0);
        var totalTarget = target with { Target = target.Target * entries.Count };
        return new Ranking(parent, moment, entries, children.Count - entries.Count, new RegionProgress(parent, moment, total, default, totalTarget, null));
    }

    // Width and height from the PNG header (IHDR follows the 8-byte signature and the chunk's length and type).
    private static (int Width, int Height) Size(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
}
