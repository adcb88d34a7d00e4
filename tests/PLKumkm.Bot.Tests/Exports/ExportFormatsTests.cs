using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Exports;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Exports;

/// <summary>Exports as officials open them: a valid workbook with typed, formatted cells, semicolon CSV, names beside ids.</summary>
public sealed class ExportFormatsTests
{
    private static async Task<RecordsTestDatabase> SeededAsync()
    {
        var test = await RecordsTestDatabase.CreateAsync();
        await using var ctx = test.Open();
        var writer = test.Writer(ctx);
        await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(), RecordsTestDatabase.Owner(1), default);
        var rudi = new Person { Name = "Rudi Hartono", Role = PersonRole.Enumerator, RegionCode = "16.01" };
        ctx.People.Add(rudi);
        await ctx.SaveChangesAsync();
        await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a =>
        {
            a["nik"] = "1601071205850001";
            a["nama_usaha"] = "Toko Budi";
            a["hp"] = "+6281111111111";
        }), RecordsTestDatabase.Enumerator with { EnumeratorId = rudi.Id.ToString(CultureInfo.InvariantCulture) }, default);
        await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(), RecordsTestDatabase.Owner(1), default);
        await ctx.SaveChangesAsync();
        return test;
    }

    private static async Task<byte[]> ExportAsync(RecordsTestDatabase test, ExportRequest request)
    {
        await using var ctx = test.Open();
        using var output = new MemoryStream();
        await new RecordExporter(ctx, RegionCatalog.Shared).WriteAsync(request, output, default);
        return output.ToArray();
    }

    [Theory]
    [InlineData("umkm")]
    [InlineData("koperasi")]
    public async Task The_workbook_passes_a_strict_validator(string kindName)
    {
        var kind = Enum.Parse<RecordKind>(kindName, ignoreCase: true);
        using var test = await SeededAsync();
        var bytes = await ExportAsync(test, new ExportRequest(kind, "16.01", ExportFormat.Xlsx, WithNik: false));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Amounts_years_coordinates_and_times_are_typed_cells_with_formats_under_a_frozen_header()
    {
        using var test = await SeededAsync();
        var bytes = await ExportAsync(test, new ExportRequest(RecordKind.Umkm, "16.01", ExportFormat.Xlsx, WithNik: false));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        var sheet = part.Worksheet;
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((1d, PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.State!.Value));
        var columns = ExportColumns.For(RecordKind.Umkm).ToList();
        var widths = sheet.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value, c => c.Width!.Value);
        Assert.Equal(26, widths[columns.IndexOf("nama_usaha") + 1]);

        var stylesheet = document.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!);
        var cellFormats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var firstRecord = sheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ToList();
        string FormatOf(string column)
        {
            var cell = firstRecord[columns.IndexOf(column)];
            Assert.NotEqual(CellValues.SharedString, cell.DataType?.Value);
            Assert.NotEqual(CellValues.InlineString, cell.DataType?.Value);
            return formats[cellFormats[(int)cell.StyleIndex!.Value].NumberFormatId!.Value];
        }

        Assert.Equal("#,##0", FormatOf("omzet_tahunan"));
        Assert.Equal("36000000", firstRecord[columns.IndexOf("omzet_tahunan")].CellValue!.Text);
        Assert.Equal("0", FormatOf("tahun_mulai"));
        Assert.Equal("0.000000", FormatOf("lat"));
        Assert.Equal("yyyy-mm-dd hh:mm:ss", FormatOf("waktu_kirim"));
        // 2026-11-27 10:00 WIB as a spreadsheet serial date.
        var serial = double.Parse(firstRecord[columns.IndexOf("waktu_kirim")].CellValue!.Text, CultureInfo.InvariantCulture);
        Assert.Equal(new DateTime(2026, 11, 27, 10, 0, 0), DateTime.FromOADate(serial));
    }

    [Fact]
    public async Task A_semicolon_csv_splits_where_an_indonesian_spreadsheet_expects()
    {
        using var test = await SeededAsync();
        var bytes = await ExportAsync(test, new ExportRequest(RecordKind.Umkm, "16.01", ExportFormat.Csv, WithNik: false, Delimiter: ';'));

        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("no_registrasi;nik;nama_pemilik;", lines[0], StringComparison.Ordinal);
        Assert.Equal(lines[0].Split(';').Length, lines[1].Split(';').Length);
    }

    [Fact]
    public async Task The_enumerator_is_named_beside_their_id()
    {
        using var test = await SeededAsync();
        var bytes = await ExportAsync(test, new ExportRequest(RecordKind.Umkm, "16.01", ExportFormat.Csv, WithNik: false));

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("Rudi Hartono", text, StringComparison.Ordinal);
        await using var ctx = test.Open();
        Assert.Equal(1, await ctx.UmkmRecords.CountAsync(r => r.Enumerator != null));
    }
}
