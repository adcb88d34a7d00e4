#if !POSTGRES
// Runs once, here: it makes a database of each kind itself (the PostgreSQL test assembly would only run it again).
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PLKumkm.Bot.Benchmarks;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Records.Import;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Tests.Records.Import;

/// <summary>
/// The same file imported into a SQLite and a PostgreSQL database, both ways (the usual batches and a first load), and
/// again: the same records, registration numbers, versions, flags and counts, and the same outcome.
/// </summary>
public sealed class ImportAcrossProvidersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    // Rows that meet every rule (a likely duplicate under another owner, a shared NIB, implausible figures, the same
    // phone with a similar name, an update, a bad row, another regency), then synthetic ones spread over Sumatera Selatan.
    private static readonly string[] RuleRows =
    [
        "1601071205850001,Siti,P,081211110001,Warung Bu Siti,,,,,,16.01.07.2001,,2,,,30jt,,,,2022-09-10T10:00:00+07:00",
        "1601074505850002,Sari,P,081211110002,Warung Bu Siti,,,,,,16.01.07.2001,,1,,,20jt,,,,2022-09-11T10:00:00+07:00",
        "1601071205850004,Agus,L,081211110004,Konveksi Agus,,,,,,16.01.07.2002,,200,,,50jt,,,,2022-09-11T12:00:00+07:00",
        "1601074505850005,Dewi,P,081211110005,Warung Dewi,,,,,,16.01.07.2003,,1,,,10jt,,,,2022-09-12T08:00:00+07:00",
        "1601071205850006,Dedi,L,081211110005,Warung Dewi Jaya,,,,,,16.01.07.2004,,1,,,10jt,,,,2022-09-12T09:00:00+07:00",
        "1601071205850001,Siti,P,081211110001,WR. BU SITI,,,,,,16.01.07.2001,,3,,,30jt,,,,2022-09-12T10:00:00+07:00",
        "1601071205850,Salah,L,,Toko Salah,,,,,,16.01.07.2001,,,,,,,,,",
    ];

    [SkippableFact]
    public async Task A_file_imported_into_SQLite_and_into_PostgreSQL_stores_the_same()
    {
        PostgresServer.SkipUnlessAvailable();
        var csv = new StringWriter();
        csv.WriteLine(SyntheticRecords.Header);
        foreach (var row in RuleRows)
        {
            csv.WriteLine(row);
        }

        new SyntheticRecords(RegionCatalog.Shared, "16").Write(csv, 0, 2_000,
            new DateTimeOffset(2022, 9, 1, 0, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2022, 9, 12, 23, 59, 59, TimeSpan.FromHours(7)), header: false);

        string? expected = null;
        (int, int, int, int, int)? outcome = null;
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            foreach (var defer in new[] { false, true })
            {
                await using var tool = await ToolHost.StartAsync(new TestDatabase(provider: provider));
                var file = tool.WriteFile("records.csv", csv.ToString());
                var first = await ImportAsync(tool, file, defer);
                var again = await ImportAsync(tool, file, defer);
                Assert.Equal(defer, first.IndexesDeferred);
                var dump = DatabaseDump.Of(tool.Database, withTimes: true, nonZeroCounts: true);
                var result = (first.Added, first.Updated, first.Rejected, again.Updated, again.Unchanged);
                expected ??= dump;
                outcome ??= result;
                Assert.True(expected == dump, $"{provider}, {(defer ? "first load" : "usual path")}: not what SQLite's usual path stored");
                Assert.Equal(outcome, result);
            }
        }

        Assert.Equal((2_005, 1, 1, 3, 2_003), outcome);
        Assert.Contains("kemungkinan duplikat dari KUMKM-1601-000001", expected);
        Assert.Contains("HP sama, nama mirip", expected);
        Assert.Contains("tidak wajar: 200 pekerja", expected);
        Assert.Contains("KUMKM-1671-", expected);
    }

    private static Task<RecordsImportResult> ImportAsync(ToolHost tool, string path, bool defer) =>
        tool.InScopeAsync(s => new RecordsImporter(s.GetRequiredService<BotDbContext>(), s.GetRequiredService<RegionCatalog>(),
            s.GetRequiredService<QuestionnaireCatalog>(), new FakeTimeProvider(Now))
        {
            DeferIndexesUpTo = defer ? long.MaxValue : -1,
        }.ImportAsync(path, CancellationToken.None));
}
#endif
