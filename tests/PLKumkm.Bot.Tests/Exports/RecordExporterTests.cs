using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Exports;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Exports;

public sealed class RecordExporterTests
{
    private static readonly string[] RegionNames =
        ["kode_provinsi", "nama_provinsi", "kode_kabupaten", "nama_kabupaten", "kode_kecamatan", "nama_kecamatan", "nama_desa"];

    private static readonly string[] UmkmHeader = ["no_registrasi", .. FieldIds.Umkm, "nama_enumerator", "skala", .. RegionNames];
    private static readonly string[] KoperasiHeader = ["no_registrasi", .. FieldIds.Koperasi, "nama_enumerator", .. RegionNames];

    private static async Task<RecordsTestDatabase> SeededAsync()
    {
        var test = await RecordsTestDatabase.CreateAsync();
        await using var ctx = test.Open();
        var writer = test.Writer(ctx);
        await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(), RecordsTestDatabase.Owner(1), default);
        await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a =>
        {
            a["nik"] = "1601071205850001";
            a["nama_pemilik"] = "Budi \"Ucok\" Santoso";
            a["nama_usaha"] = "=HYPERLINK(\"http://x\"), Toko";
            a["hp"] = "+6281111111111";
            a["alamat"] = "Jl. Mawar 3, RT 02/RW 01";
            a.Remove("lokasi");
            a.Remove("foto");
        }), RecordsTestDatabase.Enumerator, default);
        // Another regency, and a withdrawn record: neither is in a 16.01 export.
        await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a =>
        {
            a["nik"] = "1602071205850001";
            a["nama_usaha"] = "Toko Lain";
            a["hp"] = "+6281222222222";
            a["kode_desa"] = "16.02.01.2001";
        }), RecordsTestDatabase.Owner(2), default);
        var gone = await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a =>
        {
            a["nik"] = "1601071205850003";
            a["nama_usaha"] = "Toko Tutup";
            a["hp"] = "+6281333333333";
        }), RecordsTestDatabase.Owner(3), default);
        gone.Record!.Status = RecordStatus.Withdrawn;
        await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(), RecordsTestDatabase.Owner(1), default);
        await ctx.SaveChangesAsync();
        return test;
    }

    private static async Task<(byte[] Bytes, int Count)> ExportAsync(RecordsTestDatabase test, ExportRequest request)
    {
        await using var ctx = test.Open();
        using var output = new MemoryStream();
        var count = await new RecordExporter(ctx, RegionCatalog.Shared).WriteAsync(request, output, default);
        return (output.ToArray(), count);
    }

    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes, out string[] header, string delimiter = ",")
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter });
        csv.Read();
        csv.ReadHeader();
        header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => CsvFormulaGuard.Unguard(csv.GetField(h)!), StringComparer.Ordinal));
        }

        return rows;
    }

    [Fact]
    public async Task A_stored_photo_is_exported_as_its_hash_reference()
    {
        const string photo = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.jpg";
        using var test = await RecordsTestDatabase.CreateAsync();
        await using (var ctx = test.Open())
        {
            await test.Writer(ctx).SaveUmkmAsync(RecordsTestDatabase.Umkm(a => a["foto"] = photo), RecordsTestDatabase.Owner(1), default);
        }

        var (bytes, _) = await ExportAsync(test, new ExportRequest(RecordKind.Umkm, "16.01", ExportFormat.Csv, WithNik: false));
        Assert.Equal(photo, Assert.Single(ReadCsv(bytes, out _))["foto"]);
    }

    [Fact]
    public async Task Csv_has_field_id_headers_a_bom_masked_niks_and_canonical_values()
    {
        using var test = await SeededAsync();
        var (bytes, count) = await ExportAsync(test, new ExportRequest(RecordKind.Umkm, "16.01", ExportFormat.Csv, WithNik: false));

        Assert.Equal(2, count);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = ReadCsv(bytes, out var header);
        Assert.Equal(UmkmHeader, header);
        Assert.Equal(2, rows.Count);
        var sari = rows[0];
        Assert.Equal("KUMKM-1601-000001", sari["no_registrasi"]);
        Assert.Equal("1601********0001", sari["nik"]);
        Assert.Equal("36000000", sari["omzet_tahunan"]);
        Assert.Equal("whatsapp,instagram", sari["kanal_online"]);
        Assert.Equal("2026-11-27T10:00:00+07:00", sari["waktu_kirim"]);
        Assert.Equal("-4.1291", sari["lat"]);
        Assert.Equal("mikro", sari["skala"]);
        Assert.Equal("16", sari["kode_provinsi"]);
        Assert.Equal("16.01", sari["kode_kabupaten"]);
        Assert.Equal("16.01.14", sari["kode_kecamatan"]);
        Assert.Equal(("Sumatera Selatan", "Ogan Komering Ulu", "Baturaja Timur", "Sukaraya"),
            (sari["nama_provinsi"], sari["nama_kabupaten"], sari["nama_kecamatan"], sari["nama_desa"]));
        Assert.Equal("mandiri", sari["sumber"]);
        Assert.Equal("", sari["nib"]);
        var budi = rows[1];
        Assert.Equal("Budi \"Ucok\" Santoso", budi["nama_pemilik"]);
        Assert.Equal("Jl. Mawar 3, RT 02/RW 01", budi["alamat"]);
        Assert.Equal("enumerator", budi["sumber"]);
        Assert.Equal("enum-1", budi["enumerator"]);
        // A formula-looking name is defused in the file, and read back exactly.
        Assert.Contains("'=HYPERLINK", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("=HYPERLINK(\"http://x\"), Toko", budi["nama_usaha"]);
        Assert.DoesNotContain("1601074508900001", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_with_a_bare_line_break_stays_inside_its_quoted_field()
    {
        using var test = await SeededAsync();
        await using (var ctx = test.Open())
        {
            // An imported address written over two lines in a spreadsheet cell.
            var budi = await ctx.UmkmRecords.SingleAsync(r => r.NamaPemilik == "Budi \"Ucok\" Santoso");
            budi.Alamat = "Jl. Mawar 3\nRT 02/RW 01\rBelakang pasar";
            await ctx.SaveChangesAsync();
        }

        var (bytes, _) = await ExportAsync(test, new ExportRequest(RecordKind.Umkm, "16.01", ExportFormat.Csv, WithNik: false));

        var rows = ReadCsv(bytes, out _);
        Assert.Equal(2, rows.Count);
        Assert.Equal("Jl. Mawar 3\nRT 02/RW 01\rBelakang pasar", rows[1]["alamat"]);
        Assert.Equal("enumerator", rows[1]["sumber"]);
    }

    [Fact]
    public async Task An_admin_asking_for_niks_gets_them_in_full()
    {
        using var test = await SeededAsync();
        var (bytes, _) = await ExportAsync(test, new ExportRequest(RecordKind.Umkm, "16", ExportFormat.Csv, WithNik: true));
        var rows = ReadCsv(bytes, out _);
        Assert.Equal(["1601074508900001", "1601071205850001", "1602071205850001"], rows.Select(r => r["nik"]));
    }

    [Fact]
    public async Task Cooperatives_export_with_their_own_field_ids_and_a_negative_shu()
    {
        using var test = await SeededAsync();
        var (bytes, count) = await ExportAsync(test, new ExportRequest(RecordKind.Koperasi, "", ExportFormat.Csv, WithNik: false));
        var rows = ReadCsv(bytes, out var header);
        Assert.Equal(1, count);
        Assert.Equal(KoperasiHeader, header);
        var row = Assert.Single(rows);
        Assert.Equal("KOP-1601-000001", row["no_registrasi"]);
        Assert.Equal("-12500000", row["shu"]);
        Assert.DoesNotContain("'-12500000", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        // The cooperative's own number is not a person's NIK: never masked.
        Assert.Equal("1601070000000007", row["nik_koperasi"]);
        Assert.Equal("2015-03-12", row["tgl_badan_hukum"]);
        Assert.Equal("+6281377778888", row["hp"]);
    }

    [Fact]
    public async Task Xlsx_opens_with_the_same_headers_text_niks_and_numeric_money()
    {
        using var test = await SeededAsync();
        var (bytes, count) = await ExportAsync(test, new ExportRequest(RecordKind.Umkm, "16.01", ExportFormat.Xlsx, WithNik: false));
        Assert.Equal(2, count);
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(UmkmHeader, rows[0].Keys);
        Assert.Equal("1601********0001", rows[0]["nik"]);
        Assert.Equal("+6281234567890", rows[0]["hp"]);
        Assert.Equal(36_000_000d, Convert.ToDouble(rows[0]["omzet_tahunan"], CultureInfo.InvariantCulture));
        Assert.Equal("=HYPERLINK(\"http://x\"), Toko", rows[1]["nama_usaha"]);
        Assert.Equal("16.01.14.1005", rows[0]["kode_desa"]);
    }

    [Fact]
    public async Task An_empty_region_still_has_its_header_row()
    {
        using var test = await SeededAsync();
        var (csv, csvCount) = await ExportAsync(test, new ExportRequest(RecordKind.Umkm, "31", ExportFormat.Csv, WithNik: false));
        Assert.Equal(0, csvCount);
        Assert.Equal("\uFEFFno_registrasi,nik,", Encoding.UTF8.GetString(csv)[..19]);
        var (xlsx, _) = await ExportAsync(test, new ExportRequest(RecordKind.Koperasi, "31", ExportFormat.Xlsx, WithNik: false));
        using var stream = new MemoryStream(xlsx);
        var first = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().First();
        Assert.Equal(KoperasiHeader, first.Values);
    }

    /// <summary>
    /// Export, load the file into an empty database through the same writer every path uses, export again:
    /// the same records (only <c>sumber</c> may differ, as an import stamps its own). This is what <c>records import</c> must reproduce.
    /// </summary>
    [Theory]
    [InlineData("umkm")]
    [InlineData("koperasi")]
    public async Task Export_then_load_into_an_empty_database_gives_the_same_records(string kindName)
    {
        var kind = Enum.Parse<RecordKind>(kindName, ignoreCase: true);
        using var source = await SeededAsync();
        var request = new ExportRequest(kind, "16", ExportFormat.Csv, WithNik: true);
        var (first, count) = await ExportAsync(source, request);
        var rows = ReadCsv(first, out _);

        using var target = await RecordsTestDatabase.CreateAsync();
        await using (var ctx = target.Open())
        {
            var writer = target.Writer(ctx);
            foreach (var row in rows)
            {
                var answers = RecordSnapshots.Fields(kind).Where(f => row[f].Length > 0).ToDictionary(f => f, f => row[f], StringComparer.Ordinal);
                var submitter = new Submitter(null, RecordSources.Impor, answers.GetValueOrDefault("enumerator"), null);
                if (kind == RecordKind.Koperasi)
                {
                    await writer.SaveKoperasiAsync(answers, submitter, default);
                }
                else
                {
                    await writer.SaveUmkmAsync(answers, submitter, default);
                }
            }

            await ctx.SaveChangesAsync();
        }

        var (second, secondCount) = await ExportAsync(target, request);
        Assert.Equal(count, secondCount);
        var again = ReadCsv(second, out _);
        Assert.Equal(rows.Select(WithoutSource), again.Select(WithoutSource));
    }

    private static string WithoutSource(Dictionary<string, string> row) =>
        string.Join("|", row.Where(c => c.Key != "sumber").Select(c => $"{c.Key}={c.Value}"));

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3+cmd", "'-2+3+cmd")]
    [InlineData("-12500000", "-12500000")]
    [InlineData("+6281234567890", "+6281234567890")]
    [InlineData("Warung Bu Sari", "Warung Bu Sari")]
    [InlineData("'quoted", "'quoted")]
    public void Formula_guard_round_trips(string value, string guarded)
    {
        Assert.Equal(guarded, CsvFormulaGuard.Guard(value));
        Assert.Equal(value, CsvFormulaGuard.Unguard(guarded));
    }
}
