using System.Globalization;
using System.Text;

namespace PLKumkm.Bot.Core;

/// <summary>
/// Unicode formatting characters (category Cf: bidi overrides and isolates, zero-width spaces and joiners, the
/// byte-order mark, word joiner, soft hyphen, tags): they show nothing, but a right-to-left override stored in a name
/// turns it around in every spreadsheet and chat that shows it, and a zero-width space makes two equal names differ.
/// </summary>
internal static class InvisibleText
{
    /// <summary><paramref name="text"/> without formatting characters; the same string when it has none.</summary>
    public static string Strip(string text)
    {
        var first = FirstInvisible(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var length = InvisibleLength(text, i);
            if (length > 0)
            {
                i += length - 1;
                continue;
            }

            sb.Append(text[i]);
        }

        return sb.ToString();
    }

    /// <summary>How many chars at <paramref name="index"/> form one formatting character (a pair for tags), or 0.</summary>
    public static int InvisibleLength(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            return Rune.GetUnicodeCategory(new Rune(c, text[index + 1])) == UnicodeCategory.Format ? 2 : 0;
        }

        return c >= '\u00AD' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? 1 : 0;
    }

    private static int FirstInvisible(string text)
    {
        // Nearly every value is ASCII, which holds no formatting character: one vectorised check for those.
        var firstNonAscii = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        if (firstNonAscii < 0)
        {
            return -1;
        }

        for (var i = firstNonAscii; i < text.Length; i++)
        {
            if (InvisibleLength(text, i) > 0)
            {
                return i;
            }
        }

        return -1;
    }
}
