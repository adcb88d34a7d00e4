using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Hosting;

namespace PLKumkm.Bot.Tests.Records.Import;

/// <summary><c>records import FILE.csv</c> of cooperatives (a header with <c>nama_koperasi</c>), as an admin runs it.</summary>
public sealed class RecordsImportKoperasiTests
{
    private const string Header =
        "nama_koperasi,no_badan_hukum,tgl_badan_hukum,nik_koperasi,jenis_kop,kode_desa,shu,volume_usaha,hp,lat,lon,waktu_kirim,sumber,enumerator";

    [Fact]
    public async Task Valid_rows_are_kept_bad_ones_reported_by_line_and_a_second_run_adds_nothing()
    {
        await using var tool = await ToolHost.StartAsync();
        var file = tool.WriteFile("koperasi.csv", "\uFEFF" + Lines(
            Header,
            "KSP Maju Bersama,AHU-0001234.AH.01.26.TAHUN 2020,12/3/2015,1601070000000007,simpan pinjam,16.01.14.1005,\"-12,5jt\",850jt,0813 7777 8888,-4.1291,104.1668,2022-09-12T10:00:00+07:00,enumerator,Rudi",
            "KSP Terlalu Panjang,,,1601070000000007160107000000000712,konsumen,16.01.14.1005,,,,,,,,",
            "Koperasi Tanggal Salah,,31/02/2015,,konsumen,16.01.14.1005,,,,,,,,",
            "Koperasi Entah Di Mana,,,,konsumen,16.01.99.9999,,,,,,,,",
            "Koperasi Tani Makmur,,,,produsen,16.01.07.2001,-5000000,,,,,2022-09-11T23:30:00+07:00,,",
            ",,,,jasa,16.01.07.2001,,,,,,,,"));

        var first = await VerbHarness.RunAsync("records", "import", file, tool.Database.ConfigArg);

        Assert.Equal(0, first.ExitCode);
        var lines = Split(first.Output);
        Assert.StartsWith("line 3: nik_koperasi: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("line 4: tgl_badan_hukum: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("line 5: kode_desa: ", lines[2], StringComparison.Ordinal);
        Assert.Equal("line 7: nama_koperasi is required", lines[3]);
        Assert.StartsWith("records: 6 rows read, 2 added, 0 updated, 0 unchanged, 4 rejected in ", lines[4], StringComparison.Ordinal);
        Assert.Equal(5, lines.Count);

        await using (var db = tool.Database.Open())
        {
            var records = await db.KoperasiRecords.OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(["KOP-1601-000001", "KOP-1601-000002"], records.Select(r => r.RegistrationNumber));
            Assert.All(records, r => Assert.Equal(RecordSources.Impor, r.Sumber));
            var ksp = records[0];
            Assert.Equal(("simpan_pinjam", -12_500_000L, 850_000_000L, "+6281377778888", "Rudi"),
                (ksp.JenisKop, ksp.Shu!.Value, ksp.VolumeUsaha!.Value, ksp.Hp, ksp.Enumerator));
            Assert.Equal((new DateOnly(2015, 3, 12), -4.1291, 104.1668), (ksp.TglBadanHukum!.Value, ksp.Lat!.Value, ksp.Lon!.Value));
            Assert.Equal(new DateTimeOffset(2022, 9, 12, 3, 0, 0, TimeSpan.Zero), ksp.WaktuKirim);
            Assert.Equal((-5_000_000L, new DateTimeOffset(2022, 9, 11, 16, 30, 0, TimeSpan.Zero)), (records[1].Shu!.Value, records[1].WaktuKirim));
            Assert.Equal(2, await db.RecordVersions.CountAsync(v => v.Kind == RecordKind.Koperasi));
        }

        var counts = await KoperasiCountsAsync(tool);
        // On the regency's own day (WIB): 23:30 on the 11th stays on the 11th.
        Assert.Equal([(new DateOnly(2022, 9, 11), 1), (new DateOnly(2022, 9, 12), 1)], counts);

        var again = await VerbHarness.RunAsync("records", "import", file, tool.Database.ConfigArg);
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("records: 6 rows read, 0 added, 0 updated, 2 unchanged, 4 rejected in ", Split(again.Output)[^1], StringComparison.Ordinal);
        await using (var db = tool.Database.Open())
        {
            Assert.Equal(2, await db.KoperasiRecords.CountAsync());
            Assert.Equal(2, await db.RecordVersions.CountAsync(v => v.Kind == RecordKind.Koperasi));
        }

        Assert.Equal(counts, await KoperasiCountsAsync(tool));
    }

    [Fact]
    public async Task A_changed_row_updates_its_cooperative_and_keeps_its_number()
    {
        await using var tool = await ToolHost.StartAsync();
        await VerbHarness.RunAsync("records", "import", tool.WriteFile("a.csv", Lines(
            "nama_koperasi;no_badan_hukum;kode_desa;anggota_l",
            "KSP Maju Bersama;AHU-0001234.AH.01.26.TAHUN 2020;16.01.14.1005;120")), tool.Database.ConfigArg);

        var changed = await VerbHarness.RunAsync("records", "import", tool.WriteFile("b.csv", Lines(
            "kode_desa,anggota_l,nama_koperasi,no_badan_hukum",
            "16.01.14.1005,130,KSP Maju Bersama,ahu 0001234 ah 01 26 tahun 2020")), tool.Database.ConfigArg);

        Assert.Equal(0, changed.ExitCode);
        Assert.StartsWith("records: 1 rows read, 0 added, 1 updated, 0 unchanged, 0 rejected", Split(changed.Output)[^1], StringComparison.Ordinal);
        await using var db = tool.Database.Open();
        var record = await db.KoperasiRecords.SingleAsync();
        Assert.Equal(("KOP-1601-000001", 130), (record.RegistrationNumber, record.AnggotaL!.Value));
        Assert.Equal(2, await db.RecordVersions.CountAsync(v => v.Kind == RecordKind.Koperasi));
    }

    [Fact]
    public async Task A_wrong_header_or_no_valid_row_fails_with_one_line_and_stores_nothing()
    {
        await using var tool = await ToolHost.StartAsync();
        var missing = await VerbHarness.RunAsync("records", "import",
            tool.WriteFile("a.csv", Lines("nama_koperasi,shu", "KSP Maju Bersama,1000")), tool.Database.ConfigArg);
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("error: bad header: missing required column kode_desa.", missing.Error.Trim(), StringComparison.Ordinal);

        var unknown = await VerbHarness.RunAsync("records", "import",
            tool.WriteFile("b.csv", Lines("nama_koperasi,kode_desa,omset", "KSP Maju Bersama,16.01.14.1005,1000")), tool.Database.ConfigArg);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("unknown column 'omset'", unknown.Error, StringComparison.Ordinal);

        var invalid = await VerbHarness.RunAsync("records", "import",
            tool.WriteFile("c.csv", Lines("nama_koperasi,kode_desa", "KSP Maju Bersama,16.01.99.9999")), tool.Database.ConfigArg);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("no valid row", invalid.Error, StringComparison.Ordinal);

        await using var db = tool.Database.Open();
        Assert.Equal(0, await db.KoperasiRecords.CountAsync());
    }

    [Fact]
    public async Task An_export_imports_into_an_empty_database_as_the_same_cooperatives()
    {
        await using var source = await ToolHost.StartAsync();
        await source.InScopeAsync(async s =>
        {
            var writer = s.GetRequiredService<RecordWriter>();
            await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(a =>
            {
                a["lat"] = "-4.1291";
                a["lon"] = "104.1668";
                a["nib"] = "1234567890123";
                a["waktu_kirim"] = "2022-09-12T10:15:00+07:00";
            }), RecordsTestDatabase.Enumerator, default);
            await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(a =>
            {
                a.Remove("no_badan_hukum");
                a["nama_koperasi"] = "=Koperasi, \"Tani\" Makmur";
                a["kode_desa"] = "16.01.07.2001";
                a["pola"] = "syariah";
                a["shu"] = "0";
                a["alamat"] = "Jl. Pasar; RT 3, Baturaja";
            }), RecordsTestDatabase.Enumerator, default);
            return await s.GetRequiredService<Bot.Storage.BotDbContext>().SaveChangesAsync();
        });
        var csv = Path.Combine(source.Database.Folder, "kop.csv");
        Assert.Equal(0, (await VerbHarness.RunAsync("records", "export", "--region", "16", "--format", "csv", "--kind", "koperasi", "--out", csv,
            source.Database.ConfigArg)).ExitCode);

        await using var target = await ToolHost.StartAsync();
        var import = await VerbHarness.RunAsync("records", "import", csv, target.Database.ConfigArg);

        Assert.Equal(0, import.ExitCode);
        Assert.StartsWith("records: 2 rows read, 2 added, 0 updated, 0 unchanged, 0 rejected", Split(import.Output)[^1], StringComparison.Ordinal);
        var expected = await SnapshotsAsync(source);
        var actual = await SnapshotsAsync(target);
        Assert.Equal(expected, actual);
        Assert.Equal("=Koperasi, \"Tani\" Makmur", actual[1]["nama_koperasi"]);
        Assert.Equal(await KoperasiCountsAsync(source), await KoperasiCountsAsync(target));
    }

    private static async Task<List<Dictionary<string, string?>>> SnapshotsAsync(ToolHost tool)
    {
        await using var db = tool.Database.Open();
        return (await db.KoperasiRecords.OrderBy(r => r.Id).ToListAsync()).Select(r =>
        {
            var values = RecordSnapshots.Take(r);
            values.Remove("sumber");
            values["no_registrasi"] = r.RegistrationNumber;
            return values;
        }).ToList();
    }

    private static async Task<List<(DateOnly, long)>> KoperasiCountsAsync(ToolHost tool)
    {
        await using var db = tool.Database.Open();
        return (await db.DailyCounts.Where(c => c.Kind == RecordKind.Koperasi && c.Count != 0).OrderBy(c => c.Day).ToListAsync())
            .Select(c => (c.Day, c.Count)).ToList();
    }

    private static List<string> Split(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
}
