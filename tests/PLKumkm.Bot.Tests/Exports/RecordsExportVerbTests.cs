using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Tests.Hosting;

namespace PLKumkm.Bot.Tests.Exports;

/// <summary><c>records export</c> as an admin runs it.</summary>
public sealed class RecordsExportVerbTests
{
    private static Task<int> RunAsync(params string[] args) => BotCommandLine.Build().Parse(args).InvokeAsync();

    [Fact]
    public async Task Exports_a_regency_to_csv_and_xlsx_and_refuses_an_unknown_region()
    {
        using var db = new TestDatabase();
        // Migrated and seeded the way the verb itself does it, then one record of each kind.
        using (var host = BotHost.Build(HostMode.Tool, [db.ConfigArg]))
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(default);
        }

        await using (var ctx = db.Open())
        {
            var writer = new RecordWriter(ctx, TimeProvider.System);
            await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(), RecordsTestDatabase.Enumerator, default);
            await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(), RecordsTestDatabase.Enumerator, default);
            await ctx.SaveChangesAsync();
        }

        var csv = Path.Combine(db.Folder, "out", "oku.csv");
        Assert.Equal(0, await RunAsync("records", "export", "--region", "16.01", "--format", "csv", "--out", csv, db.ConfigArg));
        var lines = await File.ReadAllLinesAsync(csv, Encoding.UTF8);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("no_registrasi,nik,nama_pemilik,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("KUMKM-1601-000001,1601********0001,", lines[1], StringComparison.Ordinal);

        Assert.Equal(0, await RunAsync("records", "export", "--region", "1601", "--format", "csv", "--with-nik", "--out", csv, db.ConfigArg));
        Assert.StartsWith("KUMKM-1601-000001,1601074508900001,", (await File.ReadAllLinesAsync(csv))[1], StringComparison.Ordinal);

        var xlsx = Path.Combine(db.Folder, "kop.xlsx");
        Assert.Equal(0, await RunAsync("records", "export", "--region", "16", "--format", "xlsx", "--kind", "koperasi", "--out", xlsx, db.ConfigArg));
        await using (var file = File.OpenRead(xlsx))
        {
            var row = Assert.Single(file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>());
            Assert.Equal("KOP-1601-000001", row["no_registrasi"]);
            Assert.Equal("Koperasi Simpan Pinjam Maju Bersama", row["nama_koperasi"]);
            Assert.Equal("Ogan Komering Ulu", row["nama_kabupaten"]);
        }

        // A region by the name progress takes, semicolons for an Indonesian spreadsheet, and the count said right.
        var sumsel = Path.Combine(db.Folder, "sumsel.csv");
        var named = await VerbHarness.RunAsync("records", "export", "--region", "Sumsel", "--delimiter", ";", "--out", sumsel, db.ConfigArg);
        Assert.Equal(0, named.ExitCode);
        Assert.StartsWith("1 UMKM record of Provinsi Sumatera Selatan written to", named.Output, StringComparison.Ordinal);
        Assert.Contains("(NIK masked)", named.Output, StringComparison.Ordinal);
        Assert.StartsWith("KUMKM-1601-000001;1601********0001;", (await File.ReadAllLinesAsync(sumsel))[1], StringComparison.Ordinal);
        var cooperatives = await VerbHarness.RunAsync("records", "export", "--region", "OKU", "--kind", "koperasi", "--out", sumsel, db.ConfigArg);
        Assert.StartsWith("1 koperasi record of Kabupaten Ogan Komering Ulu written to", cooperatives.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("NIK", cooperatives.Output, StringComparison.Ordinal);

        var nowhere = Path.Combine(db.Folder, "nowhere.csv");
        Assert.Equal(1, await RunAsync("records", "export", "--region", "99.99", "--format", "csv", "--out", nowhere, db.ConfigArg));
        Assert.False(File.Exists(nowhere));
        Assert.False(File.Exists(nowhere + ".part"));
    }
}
