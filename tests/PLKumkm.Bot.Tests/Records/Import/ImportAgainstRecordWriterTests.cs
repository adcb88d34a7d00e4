using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Records.Import;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Records.Import;

/// <summary>
/// The bulk UMKM import (both ways: the usual batches and a first load) decides exactly what <see cref="RecordWriter"/>
/// decides for the same rows sent one by one as the import: the same records, versions, flags, refusals and counts.
/// (A cooperative file has no second path: <see cref="KoperasiImporter"/> writes through <see cref="RecordWriter"/>.)
/// </summary>
public sealed class ImportAgainstRecordWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    private static readonly string[] Columns =
        ["nik", "nama_pemilik", "nama_usaha", "kode_desa", "hp", "nib", "tk_total", "tk_dibayar", "omzet_tahunan", "enumerator", "waktu_kirim"];

    // Canonical values, as the import's reader gives them back, so the writer can be sent the same answers.
    private static readonly string[][] Rows =
    [
        // New, then another owner's business of the same name in the same village.
        ["1601071205850001", "Siti", "Warung Bu Siti", "16.01.07.2001", "+6281211110001", "9120001234567", "2", "", "30000000", "", "2022-09-10T10:00:00+07:00"],
        ["1601074505850002", "Sari", "Warung Bu Siti", "16.01.07.2001", "+6281211110002", "", "1", "", "20000000", "", "2022-09-11T10:00:00+07:00"],
        // Siti's NIB on another business; implausible figures; a large business.
        ["1601071205850003", "Budi", "Toko Budi", "16.01.07.2002", "+6281211110003", "9120001234567", "1", "", "20000000", "enum-7", "2022-09-11T11:00:00+07:00"],
        ["1601071205850004", "Agus", "Konveksi Agus", "16.01.07.2002", "+6281211110004", "", "200", "", "50000000", "", "2022-09-11T12:00:00+07:00"],
        ["1601071205850010", "Joko", "PT Joko Besar", "16.01.07.2002", "", "", "", "", "60000000000", "", "2022-09-11T13:00:00+07:00"],
        // The same phone with a similar name under another owner.
        ["1601074505850005", "Dewi", "Warung Dewi", "16.01.07.2003", "+6281211110005", "", "1", "", "10000000", "", "2022-09-12T08:00:00+07:00"],
        ["1601071205850006", "Dedi", "Warung Dewi Jaya", "16.01.07.2004", "+6281211110005", "", "1", "", "10000000", "", "2022-09-12T09:00:00+07:00"],
        // Siti again in the same file, written differently and with more workers (an update), then exactly so again (unchanged).
        ["1601071205850001", "Siti", "Wr. Bu Siti", "16.01.07.2001", "+6281211110001", "9120001234567", "3", "1", "30000000", "", "2022-09-12T10:00:00+07:00"],
        ["1601071205850001", "Siti", "Wr. Bu Siti", "16.01.07.2001", "+6281211110001", "9120001234567", "3", "1", "30000000", "", "2022-09-12T10:00:00+07:00"],
        // Matches of the record registered in Ogan Komering Ilir (16.02) before the import: its NIB, its phone with a similar
        // name, the business itself updated where it is, and moved to another regency (refused).
        ["1601071205850011", "Eko", "Toko Eko", "16.01.07.2005", "", "9120009999999", "1", "", "10000000", "", "2022-09-13T09:00:00+07:00"],
        ["1601071205850012", "Fajar", "Kedai Lama Baru", "16.01.07.2005", "+6281299990001", "", "1", "", "10000000", "", "2022-09-13T10:00:00+07:00"],
        ["1602024505900099", "Lama", "Kedai Lama", "16.02.02.2001", "+6281299990001", "9120009999999", "4", "2", "40000000", "", ""],
        ["1602024505900099", "Lama", "Kedai Lama", "16.01.07.2001", "+6281299990001", "", "5", "", "40000000", "", ""],
        // A new business in the other regency, and a branch (another name) of Siti's.
        ["1602024505900007", "Rina", "Kedai Rina", "16.02.02.2001", "+6281211110007", "", "2", "", "15000000", "", "2022-09-12T23:30:00+07:00"],
        ["1601071205850001", "Siti", "Warung Bu Siti 2", "16.01.07.2001", "+6281211110001", "", "1", "", "12000000", "", "2022-09-14T10:00:00+07:00"],
    ];

    [Fact]
    public async Task The_import_stores_what_RecordWriter_stores_for_the_same_rows()
    {
        await using var writer = await StartWithChatRecordAsync();
        await using var usual = await StartWithChatRecordAsync();
        await using var first = await StartWithChatRecordAsync();

        // Twice: into the records the first round left, every row is a repeat (the usual path's catching up, a first
        // load's candidates over stored rows).
        for (var round = 1; round <= 2; round++)
        {
            var expected = await WriteOneByOneAsync(writer);
            var a = await ImportAsync(usual, defer: false);
            var b = await ImportAsync(first, defer: true);

            Assert.True(b.IndexesDeferred);
            Assert.Equal(expected, Outcome(a));
            Assert.Equal(expected, Outcome(b));
            var stored = DatabaseDump.Of(writer.Database, withTimes: true, nonZeroCounts: true);
            Assert.Equal(stored, DatabaseDump.Of(usual.Database, withTimes: true, nonZeroCounts: true));
            Assert.Equal(stored, DatabaseDump.Of(first.Database, withTimes: true, nonZeroCounts: true));
            if (round == 1)
            {
                // The rows do meet every rule (so the comparison compares something).
                Assert.Equal((11, 2, 1, 1), (expected.Added, expected.Updated, expected.Unchanged, expected.Rejected));
                Assert.Contains("kemungkinan duplikat dari KUMKM-1601-000001", stored);
                Assert.Contains("NIB sudah dipakai KUMKM-1601-000001", stored);
                Assert.Contains("kemungkinan duplikat dari KUMKM-1601-000006 (HP sama, nama mirip)", stored);
                Assert.Contains("tidak wajar: 200 pekerja", stored);
                Assert.Contains("skala besar", stored);
                Assert.Contains("NIB sudah dipakai usaha lain di kabupaten/kota 16.02", stored);
                Assert.Contains("kemungkinan duplikat dari usaha lain di kabupaten/kota 16.02 (HP sama, nama mirip)", stored);
                Assert.Contains("this business is registered in 16.02; an import cannot move it", string.Join("\n", expected.Problems));
            }
        }
    }

    private sealed record ImportOutcome(int Added, int Updated, int Unchanged, int Rejected, string Problems)
    {
        public override string ToString() => $"{Added} added, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected: {Problems}";
    }

    private static ImportOutcome Outcome(RecordsImportResult result) =>
        new(result.Added, result.Updated, result.Unchanged, result.Rejected, string.Join("\n", result.Problems));

    /// <summary>The rows through <see cref="RecordWriter"/>, one by one as the import submits (each saved before the next), on the import's clock.</summary>
    private static Task<ImportOutcome> WriteOneByOneAsync(ToolHost tool) => tool.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<BotDbContext>();
        var writer = new RecordWriter(db, new FakeTimeProvider(Now));
        int added = 0, updated = 0, unchanged = 0;
        var problems = new List<RowProblem>();
        for (var i = 0; i < Rows.Length; i++)
        {
            var answers = Answers(Rows[i]);
            var saved = await writer.SaveUmkmAsync(answers, Submitter.Import(answers.GetValueOrDefault("enumerator")), CancellationToken.None, skipUnchanged: true);
            await db.SaveChangesAsync();
            if (saved.Refused is { } refused)
            {
                problems.Add(new RowProblem(i + 2, ImportRefusals.Reason(RecordKind.Umkm, refused)));
            }
            else if (saved.Unchanged)
            {
                unchanged++;
            }
            else if (saved.Updated)
            {
                updated++;
            }
            else
            {
                added++;
            }
        }

        return new ImportOutcome(added, updated, unchanged, problems.Count, string.Join("\n", problems));
    });

    private static Dictionary<string, string> Answers(string[] row) =>
        Columns.Zip(row).Where(c => c.Second.Length > 0).ToDictionary(c => c.First, c => c.Second, StringComparer.Ordinal);

    private static Task<RecordsImportResult> ImportAsync(ToolHost tool, bool defer)
    {
        var csv = string.Join("\n", Rows.Select(r => string.Join(",", r)).Prepend(string.Join(",", Columns))) + "\n";
        var path = tool.WriteFile($"{Guid.NewGuid():N}.csv", csv);
        return tool.InScopeAsync(s => new RecordsImporter(s.GetRequiredService<BotDbContext>(), s.GetRequiredService<RegionCatalog>(),
            s.GetRequiredService<QuestionnaireCatalog>(), new FakeTimeProvider(Now))
        {
            DeferIndexesUpTo = defer ? long.MaxValue : -1,
        }.ImportAsync(path, CancellationToken.None));
    }

    /// <summary>A database holding a business registered in Ogan Komering Ilir (16.02) by chat, on the same clock everywhere.</summary>
    private static async Task<ToolHost> StartWithChatRecordAsync()
    {
        var tool = await ToolHost.StartAsync();
        await tool.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<BotDbContext>();
            await new RecordWriter(db, new FakeTimeProvider(Now.AddDays(-1))).SaveUmkmAsync(new Dictionary<string, string>
            {
                ["nik"] = "1602024505900099", ["nama_pemilik"] = "Lama", ["nama_usaha"] = "Kedai Lama", ["kode_desa"] = "16.02.02.2001",
                ["hp"] = "+6281299990001", ["nib"] = "9120009999999", ["tk_total"] = "4", ["omzet_tahunan"] = "40000000",
            }, new Submitter(null, RecordSources.Mandiri, null, null), CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        return tool;
    }
}
