using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace PLKumkm.Bot.Exports;

/// <summary>
/// One sheet of canonical export rows as a real spreadsheet, streamed (SpreadCheetah writes rows as they come): a bold,
/// frozen header, widths that fit each column, amounts and years as numbers with their formats, coordinates with six
/// decimals, and <c>waktu_kirim</c>/dates as date cells in the region's local time.
/// </summary>
internal sealed class XlsxSheetWriter : IAsyncDisposable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly Spreadsheet _book;
    private readonly IReadOnlyList<string> _columns;
    private readonly ColumnFormat[] _formats;
    private readonly Dictionary<ColumnFormat, StyleId> _styles = [];
    private readonly Cell[] _row;

    private XlsxSheetWriter(Spreadsheet book, IReadOnlyList<string> columns)
    {
        _book = book;
        _columns = columns;
        _formats = [.. columns.Select(ExportColumns.FormatOf)];
        _row = new Cell[columns.Count];
        AddStyle(ColumnFormat.Amount, "#,##0");
        AddStyle(ColumnFormat.Year, "0");
        AddStyle(ColumnFormat.Coordinate, "0.000000");
        AddStyle(ColumnFormat.DateTime, "yyyy-mm-dd hh:mm:ss");
        AddStyle(ColumnFormat.Date, "yyyy-mm-dd");
    }

    public static async Task<XlsxSheetWriter> StartAsync(Stream output, string sheetName, IReadOnlyList<string> columns, CancellationToken ct)
    {
        var book = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions(), ct).ConfigureAwait(false);
        var writer = new XlsxSheetWriter(book, columns);
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < columns.Count; i++)
        {
            options.Column(i + 1).Width = ExportColumns.WidthOf(columns[i]);
        }

        await book.StartWorksheetAsync(sheetName, options, ct).ConfigureAwait(false);
        var header = book.AddStyle(new Style { Font = { Bold = true } });
        await book.AddHeaderRowAsync([.. columns], header, ct).ConfigureAwait(false);
        return writer;
    }

    public async Task AddRowAsync(string?[] values, CancellationToken ct)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            _row[i] = Cell(_formats[i], values[i]);
        }

        await _book.AddRowAsync(_row, ct).ConfigureAwait(false);
    }

    public ValueTask FinishAsync(CancellationToken ct) => _book.FinishAsync(ct);

    public ValueTask DisposeAsync() => _book.DisposeAsync();

    private void AddStyle(ColumnFormat format, string numberFormat) =>
        _styles[format] = _book.AddStyle(new Style { Format = NumberFormat.Custom(numberFormat) });

    /// <summary>A typed cell; a value that does not read as its column's type stays text rather than being lost.</summary>
    private Cell Cell(ColumnFormat format, string? value)
    {
        if (value is null)
        {
            return new Cell((string?)null);
        }

        switch (format)
        {
            case ColumnFormat.Amount or ColumnFormat.Year when long.TryParse(value, NumberStyles.AllowLeadingSign, Inv, out var whole):
                return new Cell(whole, _styles[format]);
            case ColumnFormat.Coordinate when double.TryParse(value, NumberStyles.Float, Inv, out var real):
                return new Cell(real, _styles[format]);
            case ColumnFormat.DateTime when DateTimeOffset.TryParse(value, Inv, DateTimeStyles.None, out var at):
                // A spreadsheet has no offsets: the clock time of the record's region, as the CSV's ISO value shows it.
                return new Cell(at.DateTime, _styles[format]);
            case ColumnFormat.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var day):
                return new Cell(day.ToDateTime(TimeOnly.MinValue), _styles[format]);
            default:
                return new Cell(value);
        }
    }
}
