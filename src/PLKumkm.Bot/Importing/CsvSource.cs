using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Importing;

/// <summary>
/// A CSV file read one record at a time (so a million rows never sit in memory), with a header row
/// and the file line each record starts on. Comma, semicolon (Excel with Indonesian settings) and
/// tab separators are recognised from the header. Invisible formatting characters are removed from every field.
/// </summary>
internal sealed class CsvSource : IDisposable
{
    // More lines than any real address or note holds in one cell.
    private const int MaxLinesInField = 10;

    private readonly StreamReader _reader;
    private readonly CsvParser _parser;
    private readonly CsvEncoding _encoding;
    private int _lastRawRow;

    private CsvSource(StreamReader reader, IReadOnlyList<string> header, CsvParser parser, CsvEncoding encoding)
    {
        _reader = reader;
        _encoding = encoding;
        _parser = parser;
        Header = header;
        _lastRawRow = parser.RawRow;
    }

    /// <summary>Column names as written, trimmed (a leading byte-order mark is dropped).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Opens <paramref name="path"/> for import, after reading it whole once to check it is <paramref name="encoding"/> (UTF-8 by default).</summary>
    /// <exception cref="ImportException">The file is missing, unreadable, not in its encoding, or has no header row.</exception>
    public static CsvSource Open(string path, CsvEncoding? encoding = null) => Open(path, encoding ?? CsvEncoding.Utf8, checkEncoding: true);

    /// <summary>Only the header row (the rest of the file is neither checked nor read).</summary>
    public static IReadOnlyList<string> ReadHeader(string path, CsvEncoding? encoding = null)
    {
        using var csv = Open(path, encoding ?? CsvEncoding.Utf8, checkEncoding: false);
        return csv.Header;
    }

    private static CsvSource Open(string path, CsvEncoding encoding, bool checkEncoding)
    {
        if (!File.Exists(path))
        {
            throw new ImportException($"file not found: {path}");
        }

        StreamReader reader;
        try
        {
            if (checkEncoding)
            {
                CsvEncodingCheck.Check(path, encoding);
            }

            // The declared encoding, not a guess from the first bytes; UTF-8's byte-order mark is skipped by its preamble.
            reader = new StreamReader(path, encoding.Encoding, detectEncodingFromByteOrderMarks: false, new FileStreamOptions { BufferSize = 1 << 16 });
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
        bool any;
        try
        {
            any = parser.Read();
        }
        catch (DecoderFallbackException)
        {
            parser.Dispose();
            reader.Dispose();
            // Only the header was wanted, but the first block read holds a bad byte: find its line.
            CsvEncodingCheck.Check(path, encoding);
            throw;
        }

        if (!any)
        {
            parser.Dispose();
            reader.Dispose();
            throw new ImportException($"{path} is empty: a header row is needed");
        }

        var header = parser.Record!.Select(h => InvisibleText.Strip(h).Trim()).ToArray();
        return new CsvSource(reader, header, parser, encoding);
    }

    /// <summary>The next record (fields trimmed) and the line it starts on; false at the end of the file.</summary>
    public bool Read(out string[] record, out int line)
    {
        bool any;
        try
        {
            any = _parser.Read();
        }
        catch (DecoderFallbackException)
        {
            // Checked whole when opened: the file has changed since.
            throw new ImportException($"line {_lastRawRow + 1} or soon after: not valid {_encoding} text (the file changed while it was imported)");
        }

        if (!any)
        {
            record = [];
            line = 0;
            return false;
        }

        record = _parser.Record!;
        // RawRow is the line the record ends on; the record starts after the previous one (blank
        // lines in between are skipped, so step over them only for single-line records).
        var multiLine = HasLineBreak(record);
        line = record.Length > 0 && _parser.RawRow - _lastRawRow > 1 && !multiLine ? _parser.RawRow : _lastRawRow + 1;
        _lastRawRow = _parser.RawRow;
        if (multiLine)
        {
            CheckQuotes(record, line);
        }

        for (var i = 0; i < record.Length; i++)
        {
            record[i] = InvisibleText.Strip(record[i]);
        }

        return true;
    }

    /// <summary>
    /// A quote left open reads every line after it into one field, up to the next quote or the end of the file: those
    /// rows would silently go missing. A field is taken for that when its quotes never close, when it runs over more lines
    /// than any address, or when a line inside it has a whole row's worth of separators.
    /// </summary>
    /// <exception cref="ImportException">Naming the line of the quote and the lines it swallowed.</exception>
    private void CheckQuotes(string[] record, int line)
    {
        var raw = _parser.RawRecord.AsSpan();
        // The line the record's text ends on (RawRow counts one more at the end of the file).
        var last = line + raw.TrimEnd("\r\n").Count('\n');
        var unclosed = raw.Count('"') % 2 == 1;
        var tooLong = last - line + 1 > MaxLinesInField;
        var rowInside = Header.Count >= 3 && record.Any(f => f.Contains('\n', StringComparison.Ordinal)
            && f.Split('\n').Skip(1).Any(l => l.AsSpan().Count(_parser.Delimiter) >= Header.Count - 1));
        if (unclosed || tooLong || rowInside)
        {
            var swallowed = last > line + 1 ? $"lines {line + 1}–{last}" : $"line {last}";
            throw new ImportException(
                $"line {line}: a quote (\") opened here is not closed, so {swallowed} went into one of its fields; close or remove the quote and import again");
        }
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
