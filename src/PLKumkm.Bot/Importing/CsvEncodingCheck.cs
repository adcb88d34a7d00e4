using System.Text;

namespace PLKumkm.Bot.Importing;

/// <summary>
/// Reads a whole file's bytes in its declared encoding before anything is imported, so a file that is not what it
/// claims is refused at once, naming its first bad line, rather than half-imported with "�" in the names.
/// </summary>
internal static class CsvEncodingCheck
{
    private const int ChunkBytes = 1 << 16;

    /// <exception cref="ImportException">The file holds a byte sequence <paramref name="encoding"/> has no character for, or a byte-order mark of another encoding.</exception>
    public static void Check(string path, CsvEncoding encoding)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        CheckStart(file, encoding);
        var decoder = encoding.Encoding.GetDecoder();
        var bytes = new byte[ChunkBytes];
        var chars = new char[encoding.Encoding.GetMaxCharCount(ChunkBytes)];
        var linesBefore = 0;
        int read;
        do
        {
            read = file.Read(bytes, 0, bytes.Length);
            try
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
            }
            catch (DecoderFallbackException e)
            {
                // Index is where the bad bytes start in this chunk (negative when they began in the one before).
                var line = linesBefore + 1 + CountLineFeeds(bytes.AsSpan(0, Math.Clamp(e.Index, 0, read)));
                throw new ImportException(
                    $"line {line}: not valid {encoding} text (byte {Describe(e.BytesUnknown)}); save the file as {(encoding.IsUtf8 ? "CSV UTF-8" : encoding.Name)} " +
                    $"or name its encoding with --encoding ({CsvEncoding.Choices})");
            }

            // A line feed byte is a line feed in UTF-8, Latin-1 and Windows-1252 alike: never part of another character.
            linesBefore += CountLineFeeds(bytes.AsSpan(0, read));
        }
        while (read > 0);
    }

    private static void CheckStart(FileStream file, CsvEncoding encoding)
    {
        Span<byte> start = stackalloc byte[3];
        var length = file.ReadAtLeast(start, 3, throwOnEndOfStream: false);
        file.Position = 0;
        if (length >= 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF)))
        {
            throw new ImportException("the file is UTF-16 (\"Unicode text\"); save it as CSV UTF-8");
        }

        if (!encoding.IsUtf8 && length == 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF)
        {
            throw new ImportException($"the file starts with a UTF-8 byte-order mark, so it is UTF-8, not {encoding}: leave out --encoding");
        }
    }

    private static int CountLineFeeds(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');

    private static string Describe(byte[]? unknown) =>
        unknown is { Length: > 0 } ? string.Join(" ", unknown.Select(b => $"0x{b:X2}")) : "?";
}
