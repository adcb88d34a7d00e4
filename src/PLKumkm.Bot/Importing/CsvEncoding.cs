using System.Text;

namespace PLKumkm.Bot.Importing;

/// <summary>
/// The character encoding an import file is read in (<c>--encoding</c>). UTF-8 unless declared, and then strict:
/// a byte sequence that is not UTF-8 is refused instead of read as "�".
/// </summary>
internal sealed class CsvEncoding
{
    public static readonly CsvEncoding Utf8 = new("UTF-8", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true));

    /// <summary>ISO-8859-1: every byte is a character, so it never refuses (and never mis-reads a file that really is Latin-1).</summary>
    public static readonly CsvEncoding Latin1 = new("Latin-1", Encoding.Latin1);

    /// <summary>Windows-1252, what Excel on Windows saves as "CSV" in Western locales: Latin-1 with curly quotes, dashes and € in 0x80–0x9F.</summary>
    public static readonly CsvEncoding Windows1252 = new("Windows-1252",
        CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!);

    public const string Choices = "utf-8, latin1 or windows-1252";

    private CsvEncoding(string name, Encoding encoding)
    {
        Name = name;
        Encoding = encoding;
    }

    public string Name { get; }

    public Encoding Encoding { get; }

    public bool IsUtf8 => ReferenceEquals(this, Utf8);

    /// <summary>The encoding an admin named; null or empty means UTF-8.</summary>
    /// <exception cref="ImportException">A name that is none of <see cref="Choices"/>.</exception>
    public static CsvEncoding Parse(string? name) =>
        (name ?? "").Trim().ToLowerInvariant().Replace("_", "-", StringComparison.Ordinal) switch
        {
            "" or "utf-8" or "utf8" => Utf8,
            "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1" => Latin1,
            "windows-1252" or "cp1252" or "1252" => Windows1252,
            _ => throw new ImportException($"unknown encoding '{name}' (one of {Choices})"),
        };

    public override string ToString() => Name;
}
