using System.Diagnostics;
using PLKumkm.Bot.Records.Import;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Benchmarks;

internal sealed record ImportFigures(long Rows, TimeSpan Generate, RecordsImportResult First, RecordsImportResult Again, long PeakWorkingSetBytes, long FileBytes)
{
    public double RowsPerSecond => Rows / First.Elapsed.TotalSeconds;

    public double AgainRowsPerSecond => Rows / Again.Elapsed.TotalSeconds;
}

/// <summary>
/// <c>import</c>: writes an N-row CSV of valid records spread over every regency, then times
/// <c>records import</c> into an empty database, and the same file again (every row found again: nothing added).
/// </summary>
internal static class ImportBenchmark
{
    public static readonly DateTimeOffset From = new(2022, 4, 1, 8, 0, 0, TimeSpan.FromHours(7));
    public static readonly DateTimeOffset To = new(2022, 10, 31, 17, 0, 0, TimeSpan.FromHours(7));

    public static async Task<ImportFigures> RunAsync(long rows, TextWriter log, bool again = true)
    {
        await using var db = await BenchmarkDatabase.CreateAsync();
        var csv = Path.Combine(db.Folder.FullName, "records.csv");
        var watch = Stopwatch.StartNew();
        var generator = new SyntheticRecords(db.Host.Services.GetRequiredService<RegionCatalog>());
        await using (var writer = new StreamWriter(csv, false, new System.Text.UTF8Encoding(false), 1 << 16))
        {
            generator.Write(writer, 0, rows, From, To);
        }

        var generate = watch.Elapsed;
        var size = new FileInfo(csv).Length;
        log.WriteLine($"import: {rows:N0} rows written to {csv} ({size / 1e6:0} MB) in {generate.TotalSeconds:0.0} s");

        var first = await ImportAsync(db, csv, log);
        log.WriteLine($"import: {first.Summary} -> {rows / first.Elapsed.TotalSeconds:N0} rows/s");
        log.WriteLine($"import: indexes {(first.IndexesDeferred ? "deferred" : "kept")}, rebuilding them {first.IndexRebuild.TotalSeconds:0.0} s, committing {first.Committing.TotalSeconds:0.0} s");
        var second = first;
        if (again)
        {
            second = await ImportAsync(db, csv, log);
            log.WriteLine($"import again: {second.Summary} -> {rows / second.Elapsed.TotalSeconds:N0} rows/s");
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ImportFigures(rows, generate, first, second, process.PeakWorkingSet64, size);
    }

    private static async Task<RecordsImportResult> ImportAsync(BenchmarkDatabase db, string csv, TextWriter log)
    {
        await using var scope = db.Host.Services.CreateAsyncScope();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var allocated = GC.GetTotalAllocatedBytes();
        var result = await scope.ServiceProvider.GetRequiredService<RecordsImporter>().ImportAsync(csv, CancellationToken.None);
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        log.WriteLine($"import: {used.TotalSeconds:0.0} CPU-seconds ({used.TotalMilliseconds * 1000 / Math.Max(1, result.Read):0.0} µs of CPU per row); " +
            $"GC {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - pause).TotalSeconds:0.0} s, " +
            $"{(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / Math.Max(1, result.Read):0.0} KB allocated per row (gen0 budget {GC.GetGCMemoryInfo(GCKind.Ephemeral).GenerationInfo[0].SizeBeforeBytes / 1e6:0.0} MB)");
        return result;
    }
}
