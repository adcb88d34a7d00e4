using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PLKumkm.Bot.Importing;

/// <summary>
/// A CSV file read one record at a time (so a million rows never sit in memory), with a header row
/// and the file line each record starts on. Comma, semicolon (Excel with Indonesian settings) and
/// tab separators are recognised from the header.
/// </summary>
internal sealed class CsvSource : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvParser _parser;
    private int _lastRawRow;

    private CsvSource(StreamReader reader, IReadOnlyList<string> header, CsvParser parser)
    {
        _reader = reader;
        _parser = parser;
        Header = header;
        _lastRawRow = parser.RawRow;
    }

    /// <summary>Column names as written, trimmed (a leading byte-order mark is dropped).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <exception cref="ImportException">The file is missing, unreadable, or has no header row.</exception>
    public static CsvSource Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new ImportException($"file not found: {path}");
        }

        StreamReader reader;
        try
        {
            reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException($"cannot read {path}: {e.Message}");
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            // Files repeat the same short values ("menetap", "16.01.07.2001") row after row: one string each.
            CacheFields = false,
        };
        var parser = new CsvParser(reader, config);
        if (!parser.Read())
        {
            parser.Dispose();
            reader.Dispose();
            throw new ImportException($"{path} is empty: a header row is needed");
        }

        var header = parser.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        return new CsvSource(reader, header, parser);
    }

    /// <summary>The next record (fields trimmed) and the line it starts on; false at the end of the file.</summary>
    public bool Read(out string[] record, out int line)
    {
        if (!_parser.Read())
        {
            record = [];
            line = 0;
            return false;
        }

        record = _parser.Record!;
        // RawRow is the line the record ends on; the record starts after the previous one (blank
        // lines in between are skipped, so step over them only for single-line records).
        line = record.Length > 0 && _parser.RawRow - _lastRawRow > 1 && !HasLineBreak(record) ? _parser.RawRow : _lastRawRow + 1;
        _lastRawRow = _parser.RawRow;
        return true;
    }

    public void Dispose()
    {
        _parser.Dispose();
        _reader.Dispose();
    }

    private static bool HasLineBreak(string[] record)
    {
        foreach (var field in record)
        {
            if (field.Contains('\n', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A file-level problem: the import stops and nothing more is read.</summary>
internal sealed class ImportException(string message) : Exception(message);

/// <summary>A rejected row: its file line and why, in the admin's words.</summary>
internal sealed record RowProblem(int Line, string Reason)
{
    public override string ToString() => $"line {Line}: {Reason}";
}
