using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Exports;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Records.Import;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Tests.Hosting;

namespace PLKumkm.Bot.Tests.Importing;

/// <summary>Issue 12's bad files through the import verbs: refused whole with the line to fix, or read as declared.</summary>
public sealed class BadInputImportTests
{
    private const string Header = "nik,nama_pemilik,nama_usaha,kode_desa,kbli,waktu_kirim";

    [Fact]
    public async Task A_right_to_left_override_in_an_imported_name_is_stored_and_exported_without_it()
    {
        await using var tool = await ToolHost.StartAsync();
        var file = tool.WriteFile("records.csv",
            Header + "\n1601074508900011,\u202eAmina\u202c,Warung\u200B Amina,16.01.07.2001,G,2022-09-12T10:00:00+07:00\n");

        var output = await ImportAsync(tool, file, CsvEncoding.Utf8);

        Assert.Contains("1 added", output, StringComparison.Ordinal);
        await using var db = tool.Database.Open();
        var record = await db.UmkmRecords.SingleAsync();
        Assert.Equal(("Amina", "Warung Amina"), (record.NamaPemilik, record.NamaUsaha));
        var exported = await ExportAsync(tool);
        Assert.Contains(",Amina,", exported, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202e', exported);
        Assert.DoesNotContain('\u200B', exported);
    }

    [Fact]
    public async Task A_latin1_file_is_refused_with_its_line_and_read_right_when_declared()
    {
        await using var tool = await ToolHost.StartAsync();
        var file = Path.Combine(tool.Database.Folder, "latin1.csv");
        await File.WriteAllBytesAsync(file, Encoding.Latin1.GetBytes(Header +
            "\n1601074508900011,Siti Aminah,Warung Siti,16.01.07.2001,G,2022-09-12T10:00:00+07:00" +
            "\n1601071205850001,José Niño,Toko Niño,16.01.07.2001,G,2022-09-12T10:00:00+07:00\n"));

        var refused = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(tool, file, CsvEncoding.Utf8));
        Assert.StartsWith("line 3: not valid UTF-8 text (byte 0xE9)", refused.Message, StringComparison.Ordinal);
        await using (var db = tool.Database.Open())
        {
            // Refused before anything was written, the good line 2 included.
            Assert.False(await db.UmkmRecords.AnyAsync());
        }

        Assert.Contains("2 added", await ImportAsync(tool, file, CsvEncoding.Latin1), StringComparison.Ordinal);
        await using (var db = tool.Database.Open())
        {
            Assert.Equal(["José Niño", "Siti Aminah"], await db.UmkmRecords.Select(r => r.NamaPemilik).OrderBy(n => n).ToListAsync());
        }
    }

    [Fact]
    public async Task An_unclosed_quote_stops_the_import_naming_the_rows_it_swallowed_and_imports_none()
    {
        await using var tool = await ToolHost.StartAsync();
        var file = tool.WriteFile("records.csv", Header +
            "\n1601074508900011,Siti Aminah,Warung Siti,16.01.07.2001,G,2022-09-12T10:00:00+07:00" +
            "\n1601071205850001,Budi,\"Toko Budi,16.01.07.2001,G,2022-09-12T10:00:00+07:00" +
            "\n1601071205850002,Dewi,Kedai Dewi,16.01.07.2001,G,2022-09-12T10:00:00+07:00" +
            "\n1601071205850003,Eka,Salon Eka,16.01.07.2001,G,2022-09-12T10:00:00+07:00\n");

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(tool, file, CsvEncoding.Utf8));

        Assert.Contains("line 3: a quote (\") opened here is not closed, so lines 4–5 went into one of its fields", error.Message, StringComparison.Ordinal);
        await using var db = tool.Database.Open();
        Assert.False(await db.UmkmRecords.AnyAsync());
    }

    [Fact]
    public async Task The_verbs_take_encoding_and_refuse_an_unknown_one_in_one_line()
    {
        using var db = new TestDatabase();
        var staff = Path.Combine(db.Folder, "staff.csv");
        await File.WriteAllBytesAsync(staff, Encoding.Latin1.GetBytes("phone,role,region_code,name\n0812 3456 7890,enumerator,16.01,José Niño\n"));

        var refused = await VerbHarness.RunAsync("users", "import", staff, db.ConfigArg);
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("error: line 2: not valid UTF-8 text (byte 0xE9)", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, refused.Error.ReplaceLineEndings("\n").Count(c => c == '\n'));

        var unknown = await VerbHarness.RunAsync("targets", "import", staff, "--encoding", "ebcdic", db.ConfigArg);
        Assert.Equal((1, "error: unknown encoding 'ebcdic' (one of utf-8, latin1 or windows-1252)\n"), (unknown.ExitCode, unknown.Error.ReplaceLineEndings("\n")));

        var read = await VerbHarness.RunAsync("users", "import", staff, "--encoding", "latin1", db.ConfigArg);
        Assert.Equal((0, ""), (read.ExitCode, read.Error));
        await using var ctx = db.Open();
        Assert.Equal("José Niño", (await ctx.People.SingleAsync()).Name);

        var records = Path.Combine(db.Folder, "records.csv");
        await File.WriteAllTextAsync(records, "nik,nama_pemilik,nama_usaha,kode_desa\n1601074508900011,\"Siti,Warung,16.01.07.2001\n1601071205850001,Budi,Toko,16.01.07.2001\n");
        var quote = await VerbHarness.RunAsync("records", "import", records, "--encoding", "utf-8", db.ConfigArg);
        Assert.Equal(1, quote.ExitCode);
        Assert.Contains("line 2: a quote (\") opened here is not closed, so line 3 went into", quote.Error, StringComparison.Ordinal);
    }

    private static Task<string> ImportAsync(ToolHost tool, string file, CsvEncoding encoding) =>
        tool.InScopeAsync(async s =>
        {
            var output = new StringWriter();
            await RecordsImport.RunAsync(s, file, encoding, output, CancellationToken.None);
            return output.ToString();
        });

    private static Task<string> ExportAsync(ToolHost tool) =>
        tool.InScopeAsync(async s =>
        {
            using var output = new MemoryStream();
            await ActivatorUtilities.CreateInstance<RecordExporter>(s).WriteAsync(
                new ExportRequest(RecordKind.Umkm, "16.01", ExportFormat.Csv, WithNik: false), output, CancellationToken.None);
            return Encoding.UTF8.GetString(output.ToArray());
        });
}
