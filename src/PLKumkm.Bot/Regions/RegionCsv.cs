using System.IO.Compression;
using System.Text;

namespace PLKumkm.Bot.Regions;

/// <summary>
/// Reads the bundled gzip CSVs. The files are simple (no quoting in practice), so a small reader
/// beats a general CSV library on start-up time; quoted fields are still honoured, and the last field
/// takes the rest of the line so a stray comma in a name cannot shift columns.
/// </summary>
internal static class RegionCsv
{
    public static Stream OpenEmbedded(string file)
    {
        var name = $"regions.{file}.csv.gz";
        var stream = typeof(RegionCsv).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"Embedded resource '{name}' is missing.");
        return new GZipStream(stream, CompressionMode.Decompress);
    }

    /// <summary>Data rows (header skipped) with their 1-based line numbers.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(Stream stream, string source, int fieldCount)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 || line.Length == 0)
            {
                continue;
            }

            yield return (lineNumber, Split(line, fieldCount)
                ?? throw new InvalidDataException($"{source} line {lineNumber}: expected {fieldCount} fields: {line}"));
        }
    }

    internal static string[]? Split(string line, int fieldCount)
    {
        var fields = new string[fieldCount];
        var position = 0;
        for (var i = 0; i < fieldCount; i++)
        {
            var last = i == fieldCount - 1;
            if (position < line.Length && line[position] == '"')
            {
                if (!TryReadQuoted(line, ref position, out fields[i]))
                {
                    return null;
                }

                if (last ? position != line.Length : position >= line.Length || line[position] != ',')
                {
                    return null;
                }

                position++;
                continue;
            }

            var end = last ? line.Length : line.IndexOf(',', position);
            if (end < 0)
            {
                return null;
            }

            fields[i] = line[position..end].Trim();
            position = end + 1;
        }

        return fields;
    }

    private static bool TryReadQuoted(string line, ref int position, out string value)
    {
        var builder = new StringBuilder();
        var i = position + 1;
        while (i < line.Length)
        {
            if (line[i] != '"')
            {
                builder.Append(line[i++]);
            }
            else if (i + 1 < line.Length && line[i + 1] == '"')
            {
                builder.Append('"');
                i += 2;
            }
            else
            {
                position = i + 1;
                value = builder.ToString().Trim();
                return true;
            }
        }

        value = "";
        return false;
    }
}
