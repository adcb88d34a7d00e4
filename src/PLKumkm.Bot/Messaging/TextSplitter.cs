using System.Globalization;

namespace PLKumkm.Bot.Messaging;

/// <summary>Fitting plain text into a channel's length limits (UTF-16 units, which are never fewer than
/// the characters a channel counts, so the results are safe either way).</summary>
internal static class TextSplitter
{
    public const string Ellipsis = "…";

    private static readonly char[] TrailingJunk = [' ', ',', ';', ':', '-', '(', '/', '.'];

    /// <summary>Splits <paramref name="text"/> into pieces of at most <paramref name="limit"/> UTF-16 units,
    /// preferring line breaks, then spaces, and never cutting a surrogate pair.</summary>
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        if (text.Length <= limit)
        {
            return [text];
        }

        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > limit)
        {
            var window = rest[..limit];
            var cut = window.LastIndexOf('\n');
            if (cut <= 0)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut <= 0)
            {
                cut = char.IsHighSurrogate(window[^1]) ? limit - 1 : limit;
            }

            AddPiece(parts, rest[..cut]);
            rest = rest[cut..];
            // The separator we cut at would otherwise start the next message.
            if (rest.Length > 0 && (rest[0] == '\n' || rest[0] == ' '))
            {
                rest = rest[1..];
            }
        }

        AddPiece(parts, rest);
        return parts;
    }

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="max"/> UTF-16 units, ending in "…" when cut;
    /// the cut falls on a word boundary when one is near, and never inside a character (emoji included).
    /// </summary>
    public static string Truncate(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        var trimmed = text.Trim();
        if (trimmed.Length <= max)
        {
            return trimmed;
        }

        var room = max - Ellipsis.Length;
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(trimmed);
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + ((string)elements.Current).Length;
            if (end > room)
            {
                break;
            }

            length = end;
        }

        var head = trimmed[..length];
        // A word cut in half reads worse than a slightly shorter label, unless that loses too much.
        var next = trimmed[length];
        var space = head.LastIndexOf(' ');
        if (!char.IsWhiteSpace(next) && !char.IsPunctuation(next) && space >= room * 2 / 3)
        {
            head = head[..space];
        }

        return head.TrimEnd(TrailingJunk) + Ellipsis;
    }

    private static void AddPiece(List<string> parts, ReadOnlySpan<char> piece)
    {
        var trimmed = piece.TrimEnd();
        if (!trimmed.IsWhiteSpace())
        {
            parts.Add(trimmed.ToString());
        }
    }
}
