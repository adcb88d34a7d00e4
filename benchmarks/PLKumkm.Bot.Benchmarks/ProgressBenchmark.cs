using System.Diagnostics;
using System.Globalization;
using System.Text;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Progress;
using PLKumkm.Bot.Storage.Counting;
using PLKumkm.Bot.Progress.Targets;
using PLKumkm.Bot.Records.Import;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Benchmarks;

internal sealed record LatencyFigures(long Records, int Answers, double P50, double P95, double P99, double Max, TimeSpan Build, long DailyCountRows);

/// <summary>
/// <c>progress</c>: builds databases of N records (straight through the bulk writer, skipping the
/// CSV and the rules) with targets for every regency, then times many <c>progress</c> answers — regencies,
/// provinces and the whole country, now and <c>per</c> a date — as the bot computes them.
/// </summary>
internal static class ProgressBenchmark
{
    public static async Task<IReadOnlyList<LatencyFigures>> RunAsync(IReadOnlyList<long> sizes, int answers, TextWriter log, BenchmarkDatabase? existing = null)
    {
        var figures = new List<LatencyFigures>();
        await using var owned = existing is null ? await BenchmarkDatabase.CreateAsync() : null;
        var db = existing ?? owned!;
        var catalog = db.Host.Services.GetRequiredService<RegionCatalog>();
        await ImportTargetsAsync(db, catalog);
        long loaded = 0;
        var build = TimeSpan.Zero;
        foreach (var size in sizes.Order())
        {
            var watch = Stopwatch.StartNew();
            await LoadAsync(db, catalog, loaded, size - loaded);
            build += watch.Elapsed;
            loaded = size;
            log.WriteLine($"progress: database has {size:N0} records (built in {build.TotalSeconds:0} s so far)");
            var latency = await TimeAnswersAsync(db, catalog, answers, log);
            figures.Add(latency with { Records = size, Build = build });
            var f = figures[^1];
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"progress: {size:N0} records, {f.DailyCountRows:N0} daily count rows, {answers:N0} answers: p50 {f.P50:0.00} ms, p95 {f.P95:0.00} ms, p99 {f.P99:0.00} ms, max {f.Max:0.00} ms"));
        }

        return figures;
    }

    private static async Task ImportTargetsAsync(BenchmarkDatabase db, RegionCatalog catalog)
    {
        var path = Path.Combine(db.Folder.FullName, "targets.csv");
        var csv = new StringBuilder("region_code,target,enumerators,coordinators,start,end\n");
        foreach (var regency in catalog.All(RegionLevel.Regency))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{regency.Code},{42_000},{84},{6},2022-04-01,2022-10-31\n");
        }

        await File.WriteAllTextAsync(path, csv.ToString());
        await using var scope = db.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TargetsImporter>().ImportAsync(path, CancellationToken.None);
    }

    /// <summary>
    /// Rows <paramref name="first"/>… inserted directly (valid by construction, so no CSV, validation or
    /// duplicate rules), with their daily counts kept exactly as the import keeps them.
    /// </summary>
    private static async Task LoadAsync(BenchmarkDatabase db, RegionCatalog catalog, long first, long count)
    {
        if (count <= 0)
        {
            return;
        }

        await using var scope = db.Host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var generator = new SyntheticRecords(catalog);
        var columns = SyntheticRecords.Header.Split(',');
        var table = new EntityTable<Storage.Entities.UmkmRecord>(context.Model);
        var records = new NewUmkmRecords(table, DateTimeOffset.UtcNow, context.Protection);
        var numberColumn = table.IndexOf(nameof(Storage.Entities.UmkmRecord.RegistrationNumber));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(context.Database.GetConnectionString());
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;";
            await pragma.ExecuteNonQueryAsync();
        }

        var total = first + count;
        var line = new StringBuilder(320);
        var answers = new Dictionary<string, string>(columns.Length, StringComparer.Ordinal);
        for (var batch = first; batch < total; batch += 100_000)
        {
            await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync();
            using var insert = new SqliteStatement(connection, table.InsertSql());
            var deltas = new CountDeltas();
            for (var i = batch; i < Math.Min(total, batch + 100_000); i++)
            {
                line.Clear();
                generator.AppendRow(line, i, 0, total, ImportBenchmark.From, ImportBenchmark.To);
                var values = line.ToString().Split(',');
                for (var c = 0; c < columns.Length; c++)
                {
                    answers[columns[c]] = values[c];
                }

                var row = records.Create(0, answers);
                row.InsertValues[numberColumn] = string.Create(CultureInfo.InvariantCulture, $"BENCH-{i:0000000000}");
                insert.Bind(row.InsertValues);
                insert.Execute();
                deltas.Add(RecordKind.Umkm, row.Record.KodeKabupaten, row.Record.WaktuKirim, row.Record.Status, +1);
            }

            DailyCountStore.Apply(connection, transaction, deltas);
            await transaction.CommitAsync();
        }
    }

    private static async Task<LatencyFigures> TimeAnswersAsync(BenchmarkDatabase db, RegionCatalog catalog, int answers, TextWriter log)
    {
        var random = new Random(42);
        var regencies = catalog.All(RegionLevel.Regency);
        var provinces = catalog.All(RegionLevel.Province);
        (string Text, string Kind) Next()
        {
            var roll = random.Next(100);
            var (region, level) = roll switch
            {
                < 70 => (regencies[random.Next(regencies.Count)].Code, "regency"),
                < 95 => (provinces[random.Next(provinces.Count)].Code, "province"),
                _ => ("Indonesia", "country"),
            };
            return random.Next(2) == 0 ? ($"progress {region}", $"{level}, now") : ($"progress {region} per 12 September 2022", $"{level}, per date");
        }

        for (var i = 0; i < 200; i++)
        {
            await AnswerAsync(db, Next().Text);
        }

        var times = new double[answers];
        var byKind = new Dictionary<string, List<double>>();
        for (var i = 0; i < answers; i++)
        {
            var (text, kind) = Next();
            var start = Stopwatch.GetTimestamp();
            await AnswerAsync(db, text);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            (byKind.TryGetValue(kind, out var list) ? list : byKind[kind] = []).Add(times[i]);
        }

        foreach (var (kind, list) in byKind.OrderBy(k => k.Key))
        {
            var sorted = list.Order().ToArray();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"progress:   {kind,-18} {sorted.Length,5} answers: p50 {Percentile(sorted, 0.50):0.00} ms, p99 {Percentile(sorted, 0.99):0.00} ms"));
        }

        Array.Sort(times);
        await using var scope = db.Host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var rows = context.DailyCounts.LongCount();
        return new LatencyFigures(0, answers, Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99), times[^1], TimeSpan.Zero, rows);
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    // One scope per answer, as the bot has one per update.
    private static async Task AnswerAsync(BenchmarkDatabase db, string text)
    {
        await using var scope = db.Host.Services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<ProgressAnswerer>()
            .AnswerAsync(ProgressRequest.Parse(text)!, "id", CancellationToken.None);
        if (answer.Outcome != ProgressOutcome.Answered)
        {
            throw new InvalidOperationException($"'{text}' was not answered: {answer.Message.Text}");
        }
    }
}
