using PLKumkm.Bot.Benchmarks;

namespace PLKumkm.Bot.Tests.Benchmarks;

/// <summary>The benchmark's own code, run tiny: it must work, whatever the figures (no timing is asserted).</summary>
[Trait(TestCategories.Key, TestCategories.Slow)]
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public async Task The_import_benchmark_imports_its_file_and_then_finds_every_row_again()
    {
        var log = new StringWriter();
        var figures = await ImportBenchmark.RunAsync(2_000, log);

        Assert.Equal((2_000, 2_000, 0, 0), (figures.First.Read, figures.First.Added, figures.First.Updated, figures.First.Rejected));
        Assert.Equal((0, 0, 2_000, 0), (figures.Again.Added, figures.Again.Updated, figures.Again.Unchanged, figures.Again.Rejected));
        Assert.Contains("rows/s", log.ToString());
    }

    [Fact]
    public async Task The_progress_benchmark_answers_every_kind_of_question()
    {
        var figures = Assert.Single(await ProgressBenchmark.RunAsync([2_000], answers: 60, new StringWriter()));
        Assert.Equal((2_000L, 60), (figures.Records, figures.Answers));
        Assert.True(figures.DailyCountRows > 0);
        Assert.True(figures.P50 <= figures.P99 && figures.P99 <= figures.Max);
    }

    [Fact]
    public void Synthetic_NIKs_are_valid_and_distinct()
    {
        var niks = Enumerable.Range(0, 20_000).Select(i => SyntheticRecords.Nik("16.01.07.2001", i)).ToList();
        Assert.Equal(niks.Count, niks.Distinct().Count());
        Assert.All(niks.Take(500), n => Assert.True(PLKumkm.Bot.Validation.NikParser.Parse(n, PLKumkm.Bot.Regions.RegionCatalog.Shared).Ok, n));
    }
}
