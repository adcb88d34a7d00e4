using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Exports;
using PLKumkm.Bot.Regions;
using Xunit.Abstractions;

namespace PLKumkm.Bot.Tests.Benchmarks;

/// <summary>
/// The export benchmark behind the README figures: a million UMKM records in one regency, exported as CSV and XLSX,
/// with rows per second and peak memory. It only runs when asked (otherwise it is reported as skipped, never as passed),
/// and asserts nothing about speed:
/// <c>PLKUMKM_EXPORT_BENCHMARK=1000000 dotnet test PLKumkm.Bot.sln --filter FullyQualifiedName~ExportBenchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Slow)]
public sealed class ExportBenchmark(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Export_a_million_records()
    {
        var asked = int.TryParse(Environment.GetEnvironmentVariable("PLKUMKM_EXPORT_BENCHMARK"), out var rows) && rows > 0;
        Skip.IfNot(asked, "a benchmark: set PLKUMKM_EXPORT_BENCHMARK to a row count to run it");

        using var test = await RecordsTestDatabase.CreateAsync();
        var seeding = Stopwatch.StartNew();
        await using (var ctx = test.Open())
        {
            await SeedAsync(ctx, rows);
        }

        output.WriteLine($"seeded {rows:N0} records in {seeding.Elapsed.TotalSeconds:0.0} s");
        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            var path = Path.Combine(test.File.Folder, $"export.{format}");
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var baselineHeap = GC.GetTotalMemory(forceFullCollection: true);
            var baselineWorkingSet = Environment.WorkingSet;
            long peakHeap = baselineHeap, peakWorkingSet = baselineWorkingSet;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                    peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                    try
                    {
                        await Task.Delay(10, sampling.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            });

            var watch = Stopwatch.StartNew();
            int count;
            await using (var ctx = test.Open())
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true))
            {
                count = await new RecordExporter(ctx, RegionCatalog.Shared)
                    .WriteAsync(new ExportRequest(RecordKind.Umkm, "16.01", format, WithNik: false), file, default);
            }

            watch.Stop();
            await sampling.CancelAsync();
            await sampler;
            Assert.Equal(rows, count);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{format}: {count:N0} rows in {watch.Elapsed.TotalSeconds:0.0} s = {count / watch.Elapsed.TotalSeconds:N0} rows/s; " +
                $"file {new FileInfo(path).Length / 1048576.0:0} MiB; peak managed heap +{(peakHeap - baselineHeap) / 1048576.0:0} MiB " +
                $"(sampled); peak working set +{(peakWorkingSet - baselineWorkingSet) / 1048576.0:0} MiB; .NET {Environment.Version}, {Environment.ProcessorCount} cores"));
        }
    }

    /// <summary>Plausible, varied rows straight in SQL: seeding through EF would take longer than the export.</summary>
    private static async Task SeedAsync(Bot.Storage.BotDbContext ctx, int rows)
    {
        var at = new DateTimeOffset(2022, 9, 12, 3, 0, 0, TimeSpan.Zero).UtcTicks;
        var sql = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
            INSERT INTO umkm_records (RegistrationNumber, Status, Nik, NamaPemilik, JenisKelamin, Hp, NamaUsaha, NamaUsahaNormal,
                Kegiatan, Kbli, KbliSection, TahunMulai, Tempat, Bentuk, KodeDesa, KodeKecamatan, KodeKabupaten, KodeProvinsi, Alamat,
                Lat, Lon, TkTotal, TkDibayar, TkPerempuan, OmzetTahunan, Modal, CaraJual, KanalOnline, SumberModal, AnggotaKop, Skala,
                WaktuKirim, Sumber, CreatedAt, UpdatedAt)
            SELECT printf('KUMKM-1601-%07d', i), 'Active', printf('160107%02d089%05d', (i % 28) + 1, i % 100000), 'Siti Aminah ' || i,
                CASE i % 2 WHEN 0 THEN 'L' ELSE 'P' END, printf('+62812%08d', i), 'Warung Bu Siti ' || i, 'warung bu siti ' || i,
                'jualan sembako, pulsa dan gas', 'G', 'G', 2000 + i % 24, 'menetap', 'perseorangan',
                '16.01.14.1005', '16.01.14', '16.01', '16', 'Jl. Dr. Moh. Hatta No. ' || (i % 200) || ', RT 02/RW 01',
                -4.1291 - (i % 1000) / 100000.0, 104.1668 + (i % 1000) / 100000.0, 1 + i % 5, i % 3, i % 2, 12000000 * (1 + i % 50), 5000000 * (1 + i % 20),
                'keduanya', 'whatsapp,instagram', 'sendiri,kur', 'tidak', 'mikro', {at} + i * 10000000, 'enumerator', {at}, {at}
            FROM n;
            """;
        await ctx.Database.ExecuteSqlRawAsync(sql);
    }
}
