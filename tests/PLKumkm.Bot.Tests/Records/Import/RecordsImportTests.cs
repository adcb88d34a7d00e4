using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Benchmarks;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Storage.Counting;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Records.Import;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Records.Import;

public sealed class RecordsImportTests
{
    private const string Header = "nik,nama_pemilik,nama_usaha,kode_desa,hp,kbli,tk_total,tk_dibayar,omzet_tahunan,waktu_kirim";

    [Fact]
    public async Task Each_bad_row_is_reported_with_its_line_and_reason_and_the_rest_is_kept()
    {
        await using var tool = await ToolHost.StartAsync();
        var file = tool.WriteFile("records.csv", Lines(
            Header,
            "1601071205850001,Siti Aminah,Warung Bu Siti,16.01.07.2001,0812 3456 7890,G,3,1,36jt,2022-09-12T10:00:00+07:00",
            "1601071205850,Budi,Toko Budi,16.01.07.2001,,,,,,",
            "1601071205850002,Budi,Toko Budi,16.01.07.2001,0212345678,,,,,",
            "1601071205850003,Tani,Kebun Tani,16.01.07.2001,,A,,,,",
            "1601071205850004,Desi,Kedai Desi,16.01.99.9999,,,,,,",
            "1601071205850005,Eka,,16.01.07.2001,,,,,,",
            "1601071205850006,Fajar,Bengkel Fajar,16.01.07.2001,,,2,5,,",
            "1601071205850007,Gita,Salon Gita,16.01.07.2001,,,,,,12/09/2022 10:00",
            "1601071205850008,Hadi,Konveksi Hadi,16.01.07.2001,,C,5,5,2,5 M,2022-09-12T11:00:00+07:00"));

        var output = new StringWriter();
        await tool.InScopeAsync(async s =>
        {
            await RecordsImport.RunAsync(s, file, output, CancellationToken.None);
            return 0;
        });

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("line 3: nik: A NIK has 16 digits; you wrote 13. Example: 1601071205850001.", lines[0]);
        Assert.StartsWith("line 4: hp: That looks like a landline.", lines[1]);
        Assert.StartsWith("line 5: kbli: Thank you! Farming", lines[2]);
        Assert.Equal("line 6: kode_desa: '16.01.99.9999' is not a village code (e.g. 16.01.07.2001)", lines[3]);
        Assert.Equal("line 7: nama_usaha is required", lines[4]);
        Assert.StartsWith("line 8: tk_dibayar:", lines[5]);
        Assert.StartsWith("line 9: waktu_kirim: '12/09/2022 10:00' is not an ISO 8601 time with offset", lines[6]);
        // A comma inside an unquoted amount shifts the columns: the row is refused, not misread.
        Assert.Equal("line 10: 11 values where the header has 10 (quote values that contain a comma)", lines[7]);
        Assert.StartsWith("records: 9 rows read, 1 added, 0 updated, 0 unchanged, 8 rejected", lines[8]);

        await using var db = tool.Database.Open();
        var record = await db.UmkmRecords.SingleAsync();
        Assert.Equal(("KUMKM-1601-000001", "impor", "+6281234567890", 36_000_000L, "mikro"),
            (record.RegistrationNumber, record.Sumber, record.Hp, record.OmzetTahunan!.Value, record.Skala));
        Assert.Equal(new DateTimeOffset(2022, 9, 12, 3, 0, 0, TimeSpan.Zero), record.WaktuKirim);
    }

    [Fact]
    public async Task The_same_business_twice_in_a_file_is_one_record_and_a_second_import_adds_nothing()
    {
        await using var tool = await ToolHost.StartAsync();
        var file = tool.WriteFile("records.csv", Lines(
            "nik,nama_pemilik,nama_usaha,kode_desa,alamat,waktu_kirim",
            "1601071205850001,Siti,Warung Bu Siti,16.01.07.2001,Jl. Lama,2022-09-10T10:00:00+07:00",
            "1601071205850002,Budi,Toko Budi,16.01.07.2001,Jl. A,2022-09-11T10:00:00+07:00",
            "1601071205850001,Siti,\"WR. BU SITI\",16.01.07.2001,Jl. Baru,2022-09-12T10:00:00+07:00",
            "1601071205850001,Siti,Warung Bu Siti 2,16.01.07.2001,Jl. Lain,2022-09-12T11:00:00+07:00"));

        var first = await ImportAsync(tool, file);
        Assert.Equal((4, 3, 1, 0), (first.Read, first.Added, first.Updated, first.Rejected));
        var countsBefore = await CountsAsync(tool);

        // The second time every row is found: the two Siti rows rewrite her record in turn, the others are as they were.
        var again = await ImportAsync(tool, file);
        Assert.Equal((0, 2, 2), (again.Added, again.Updated, again.Unchanged));

        await using var db = tool.Database.Open();
        Assert.Equal(3, await db.UmkmRecords.CountAsync());
        var siti = await db.UmkmRecords.SingleAsync(r => r.NamaUsahaNormal == "warung bu siti");
        // The later row wins (its capitals tidied like every name: "WR. BU SITI" → "Wr. Bu Siti"); the business moved to the 12th, and its count with it.
        Assert.Equal(("Jl. Baru", "Wr. Bu Siti"), (siti.Alamat, siti.NamaUsaha));
        Assert.Equal(countsBefore, await CountsAsync(tool));
        Assert.Equal([(new DateOnly(2022, 9, 11), 1), (new DateOnly(2022, 9, 12), 2)], countsBefore);
        Assert.Equal(["KUMKM-1601-000001", "KUMKM-1601-000002", "KUMKM-1601-000003"], await db.UmkmRecords.OrderBy(r => r.Id).Select(r => r.RegistrationNumber).ToListAsync());
    }

    [Fact]
    public async Task A_business_already_registered_by_chat_is_updated_and_keeps_its_number_source_and_time()
    {
        await using var tool = await ToolHost.StartAsync();
        await tool.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Bot.Storage.BotDbContext>();
            var writer = s.GetRequiredService<RecordWriter>();
            await writer.SaveUmkmAsync(new Dictionary<string, string>
            {
                ["nik"] = "1601071205850001", ["nama_pemilik"] = "Siti", ["nama_usaha"] = "Warung Bu Siti", ["kode_desa"] = "16.01.07.2001",
                ["waktu_kirim"] = "2022-09-01T09:00:00+07:00",
            }, new Submitter(null, RecordSources.Mandiri, null, null), CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        var file = tool.WriteFile("records.csv", Lines(
            "nama_usaha,nik,kode_desa,nama_pemilik,tk_total",
            "warung bu siti,1601071205850001,16.01.07.2001,Siti Aminah,4",
            "Toko Baru,1601071205850002,16.01.07.2002,Budi,1"));
        var result = await ImportAsync(tool, file);

        Assert.Equal((1, 1), (result.Added, result.Updated));
        await using var db = tool.Database.Open();
        var records = await db.UmkmRecords.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(("KUMKM-1601-000001", "mandiri", "Siti Aminah", 4), (records[0].RegistrationNumber, records[0].Sumber, records[0].NamaPemilik, records[0].TkTotal!.Value));
        Assert.Equal(new DateTimeOffset(2022, 9, 1, 2, 0, 0, TimeSpan.Zero), records[0].WaktuKirim);
        Assert.Equal(("KUMKM-1601-000002", "impor"), (records[1].RegistrationNumber, records[1].Sumber));
        // Without waktu_kirim a new record is "now".
        Assert.InRange(records[1].WaktuKirim, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Counts_match_the_records_on_their_regions_local_days()
    {
        await using var tool = await ToolHost.StartAsync();
        var generator = new SyntheticRecords(RegionCatalog.Shared, "16");
        var csv = new StringWriter();
        generator.Write(csv, 0, 3_000, new DateTimeOffset(2022, 9, 1, 0, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2022, 9, 12, 23, 59, 59, TimeSpan.FromHours(7)));
        var result = await ImportAsync(tool, tool.WriteFile("records.csv", csv.ToString()));
        Assert.Equal((3_000, 3_000, 0), (result.Read, result.Added, result.Rejected));

        await using var db = tool.Database.Open();
        var expected = (await db.UmkmRecords.Select(r => new { r.KodeKabupaten, r.WaktuKirim }).ToListAsync())
            .GroupBy(r => (r.KodeKabupaten, LocalDay.Of(r.KodeKabupaten, r.WaktuKirim)))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var stored = (await db.DailyCounts.ToListAsync()).ToDictionary(c => (c.RegencyCode, c.Day), c => c.Count);
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), stored.OrderBy(e => e.Key).ToList());
        Assert.Equal(3_000, await db.ProvinceDailyCounts.Where(c => c.ProvinceCode == "16").SumAsync(c => c.Count));
        Assert.Equal(3_000, await db.ProvinceTotals.Where(c => c.ProvinceCode == "16").SumAsync(c => c.Count));
        Assert.Equal(expected.GroupBy(e => e.Key.KodeKabupaten).ToDictionary(g => g.Key, g => g.Sum(e => e.Value)).OrderBy(e => e.Key).ToList(),
            (await db.RegencyTotals.ToListAsync()).ToDictionary(t => t.RegencyCode, t => t.Count).OrderBy(e => e.Key).ToList());
        Assert.True(await db.UmkmRecords.AllAsync(r => r.Sumber == RecordSources.Impor));
    }

    [Fact]
    public async Task A_wrong_header_names_the_problem_and_imports_nothing()
    {
        await using var tool = await ToolHost.StartAsync();
        var unknown = await Assert.ThrowsAsync<ImportException>(() =>
            ImportAsync(tool, tool.WriteFile("a.csv", Lines("nik,nama_pemilik,nama_usaha,kode_desa,omset,kecamatan", "1601071205850001,Siti,Warung,16.01.07.2001,1,2"))));
        Assert.Contains("unknown columns 'omset', 'kecamatan'", unknown.Message);

        var missing = await Assert.ThrowsAsync<ImportException>(() =>
            ImportAsync(tool, tool.WriteFile("b.csv", Lines("nik,nama_usaha", "1601071205850001,Warung"))));
        Assert.Contains("missing required columns nama_pemilik, kode_desa", missing.Message);

        await using var db = tool.Database.Open();
        Assert.Equal(0, await db.UmkmRecords.CountAsync());
    }

    [Fact]
    public async Task A_large_business_is_kept_but_flagged_and_still_counted()
    {
        await using var tool = await ToolHost.StartAsync();
        var result = await ImportAsync(tool, tool.WriteFile("records.csv", Lines(
            "nik,nama_pemilik,nama_usaha,kode_desa,omzet_tahunan,waktu_kirim",
            "1601071205850001,Siti,PT Besar,16.01.07.2001,60 miliar,2022-09-12T10:00:00+07:00")));

        Assert.Equal(1, result.Added);
        await using var db = tool.Database.Open();
        var record = await db.UmkmRecords.SingleAsync();
        Assert.Equal((RecordStatus.Flagged, "besar"), (record.Status, record.Skala));
        Assert.Equal(1, await db.DailyCounts.SumAsync(c => c.Count));
    }

    [Fact]
    public async Task A_writer_that_fails_ends_the_import_with_its_error_and_leaves_the_process_running()
    {
        await using var tool = await ToolHost.StartAsync();
        var csv = new StringWriter();
        new SyntheticRecords(RegionCatalog.Shared, "16").Write(csv, 0, 3_000,
            new DateTimeOffset(2022, 9, 1, 0, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2022, 9, 12, 23, 59, 59, TimeSpan.FromHours(7)));
        var file = tool.WriteFile("records.csv", csv.ToString());
        // The writer cannot even find its table: it fails while the reader and validators are already at work.
        await using (var db = tool.Database.Open())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE umkm_records RENAME TO umkm_records_gone");
        }

        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ImportAsync(tool, file));

        Assert.Contains("umkm_records", error.Message, StringComparison.Ordinal);
        // Before the fix a validator, still running, met its disposed queue: an unhandled ObjectDisposedException
        // that ended the process (here: the test host) a moment later.
        await Task.Delay(500);
    }

    private static Task<RecordsImportResult> ImportAsync(ToolHost tool, string path) =>
        tool.InScopeAsync(s => s.GetRequiredService<RecordsImporter>().ImportAsync(path, CancellationToken.None));

    private static async Task<List<(DateOnly, long)>> CountsAsync(ToolHost tool)
    {
        await using var db = tool.Database.Open();
        return (await db.DailyCounts.Where(c => c.Count != 0).OrderBy(c => c.Day).ToListAsync()).Select(c => (c.Day, c.Count)).ToList();
    }

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
}
