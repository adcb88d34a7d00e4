using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Exports;

internal enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// What to export: one kind of record inside a region (<c>""</c> is the whole country), as CSV or XLSX;
/// NIKs masked unless <see cref="WithNik"/> (admins only). CSV fields are separated by <see cref="Delimiter"/>: a comma,
/// or the semicolon that spreadsheets in an Indonesian locale expect (their decimal separator is the comma).
/// </summary>
internal sealed record ExportRequest(RecordKind Kind, string RegionCode, ExportFormat Format, bool WithNik, char Delimiter = ',')
{

    public string Extension => Format == ExportFormat.Xlsx ? "xlsx" : "csv";

    public string MediaType => Format == ExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv";
}
