using System.Diagnostics;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Records.Import;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Benchmarks;

/// <summary>
/// <c>import-parts</c>: the two halves of <c>records import</c> apart, each on one thread: validating the
/// rows (the file read into memory first), then writing the valid ones into an empty database as a first load.
/// </summary>
internal static class ImportPartsBenchmark
{
    public static async Task RunAsync(long rows, TextWriter log)
    {
        await using var db = await BenchmarkDatabase.CreateAsync();
        var csv = Path.Combine(db.Folder.FullName, "records.csv");
        var regions = db.Host.Services.GetRequiredService<RegionCatalog>();
        await using (var writer = new StreamWriter(csv))
        {
            new SyntheticRecords(regions).Write(writer, 0, rows, ImportBenchmark.From, ImportBenchmark.To);
        }

        await using var scope = db.Host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var questionnaire = scope.ServiceProvider.GetRequiredService<QuestionnaireCatalog>().All.First(q => q.Kind == RecordKind.Umkm);
        var now = DateTimeOffset.UtcNow;
        var newRecords = new NewUmkmRecords(new EntityTable<UmkmRecord>(context.Model), now, context.Protection);
        List<UmkmImportRow> valid = [];
        // The first pass warms the code and the answer cache up, as the first rows of a real file do.
        for (var pass = 0; pass < 2; pass++)
        {
            var records = new List<(string[], int)>();
            IReadOnlyList<string> columns;
            using (var source = CsvSource.Open(csv))
            {
                columns = UmkmRowReader.CheckHeader(source.Header, questionnaire);
                while (source.Read(out var fields, out var line))
                {
                    records.Add((fields, line));
                }
            }

            var reader = new UmkmRowReader(columns, questionnaire, regions, newRecords, now);
            valid = new List<UmkmImportRow>(records.Count);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            foreach (var (fields, line) in records)
            {
                if (reader.Read(fields, line, out _) is { } row)
                {
                    valid.Add(row);
                }
            }

            if (pass == 1)
            {
                log.WriteLine($"import-parts: validating {watch.Elapsed.TotalMilliseconds * 1000 / records.Count:0.0} µs/row on one thread, " +
                    $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / records.Count:0.0} KB allocated per row");
            }
        }

        GC.Collect();
        using var bulk = new BulkUmkmWriter(context.Database.GetConnectionString()!, context.Model, context.Protection, newRecords.Table, now, 50_000, long.MaxValue, valid.Count);
        var total = Stopwatch.StartNew();
        foreach (var row in valid)
        {
            bulk.Write(row);
        }

        var writing = total.Elapsed;
        bulk.Commit();
        log.WriteLine($"import-parts: writing {writing.TotalMilliseconds * 1000 / valid.Count:0.0} µs/row on one thread, then rebuilding the indexes " +
            $"{bulk.IndexRebuild.TotalSeconds:0.0} s ({bulk.IndexRebuild.TotalMilliseconds * 1000 / valid.Count:0.0} µs/row) and committing " +
            $"{bulk.Committing.TotalSeconds:0.0} s ({bulk.Committing.TotalMilliseconds * 1000 / valid.Count:0.0} µs/row); database {new FileInfo(db.DatabasePath).Length / 1e6:0} MB");
    }
}
