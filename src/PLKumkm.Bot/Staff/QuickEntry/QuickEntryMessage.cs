using System.Text.RegularExpressions;

namespace PLKumkm.Bot.Staff.QuickEntry;

/// <summary>One <c>Key: value</c> line of a quick entry; <see cref="Number"/> counts from the tag's line (1).</summary>
internal sealed record QuickEntryLine(int Number, string Key, string Value);

/// <summary>A line that is not <c>Key: value</c>.</summary>
internal sealed record QuickEntryStrayLine(int Number);

/// <summary>
/// Splits a quick entry into its lines, as people really type them: any line ends (Windows, old Mac),
/// blank lines, bullets (<c>-</c>, <c>•</c>, <c>1.</c>), bold stars, <c>Key : value</c> or
/// <c>Key=value</c>, and a first field on the tag's line itself (<c>#umkm NIK: …</c>). Knows no field: a line
/// without a colon is split after the longest key the questionnaire's <see cref="QuickEntryKeys"/> know.
/// </summary>
internal sealed partial class QuickEntryMessage
{
    private QuickEntryMessage(IReadOnlyList<QuickEntryLine> lines, IReadOnlyList<QuickEntryStrayLine> stray)
    {
        Lines = lines;
        Stray = stray;
    }

    public IReadOnlyList<QuickEntryLine> Lines { get; }
    public IReadOnlyList<QuickEntryStrayLine> Stray { get; }

    /// <summary>Nothing after the tag (or only keys without values, e.g. the template sent back untouched).</summary>
    public bool IsBlank => Stray.Count == 0 && Lines.All(l => l.Value.Length == 0);

    /// <summary>The questionnaire id a message is tagged with (<c>#UMKM …</c> → <c>umkm</c>); null when it opens with no tag.</summary>
    public static string? TagOf(string? text) => text is not null && Tag().Match(text) is { Success: true } tag ? tag.Groups["id"].Value.ToLowerInvariant() : null;

    /// <summary>Reads the lines after the tag; null when the text is not tagged <c>#</c><paramref name="questionnaireId"/>.</summary>
    public static QuickEntryMessage? Read(string? text, string questionnaireId, QuickEntryKeys keys)
    {
        var tag = text is null ? null : Tag().Match(text);
        if (tag is not { Success: true } || !string.Equals(tag.Groups["id"].Value, questionnaireId, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return FromBody(text![tag.Length..], keys, firstLineNumber: 1 + CountLineBreaks(text.AsSpan(0, tag.Index)));
    }

    /// <summary>Reads lines that come without the tag (<c>/cepat</c> followed by the fields).</summary>
    public static QuickEntryMessage FromBody(string body, QuickEntryKeys keys, int firstLineNumber = 1)
    {
        var lines = new List<QuickEntryLine>();
        var stray = new List<QuickEntryStrayLine>();
        var rawLines = LineBreak().Split(body);
        for (var i = 0; i < rawLines.Length; i++)
        {
            var number = firstLineNumber + i;
            var line = Bullet().Replace(Invisible().Replace(rawLines[i], ""), "").Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var separator = line.IndexOfAny([':', '=']);
            if (separator > 0)
            {
                lines.Add(new QuickEntryLine(number, line[..separator].Trim().Trim('*', '_').Trim(), line[(separator + 1)..].Trim()));
                continue;
            }

            // "NIK 1601…" without a colon: take the longest known key at the start of the line.
            if (KeyAtStart(line, keys) is { } split)
            {
                lines.Add(new QuickEntryLine(number, split.Key, split.Value));
                continue;
            }

            stray.Add(new QuickEntryStrayLine(number));
        }

        return new QuickEntryMessage(lines, stray);
    }

    private static (string Key, string Value)? KeyAtStart(string line, QuickEntryKeys keys)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var count = Math.Min(3, words.Length - 1); count >= 1; count--)
        {
            var key = string.Join(' ', words[..count]);
            if (keys.Find(key) is not null)
            {
                return (key, string.Join(' ', words[count..]));
            }
        }

        return null;
    }

    private static int CountLineBreaks(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    // The tag opens the message (after blank lines or spaces) and is a whole word: "#umkm2" is another tag.
    [GeneratedRegex(@"^[\s\u200B\uFEFF]*#(?<id>[\p{L}\p{N}_]+)[ \t]*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\r\n|\r|\n|\u2028|\u2029")]
    private static partial Regex LineBreak();

    // Formatting characters (zero-width, bidi overrides) pasted into a key or before it.
    [GeneratedRegex(@"\p{Cf}")]
    private static partial Regex Invisible();

    // "- ", "• ", "* ", "> ", "1. ", "2) " before a key. A bare "*" glued to a word is bold markup, left to the key trim.
    [GeneratedRegex(@"^\s*(?:[-–—•·▪►>]+\s*|\*\s+|\d{1,2}[.)]\s+)")]
    private static partial Regex Bullet();
}
