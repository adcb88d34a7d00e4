using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace PLKumkm.Bot.Regions;

/// <summary>
/// The one normal form shared by region names, queries and alias keys, so that matching is plain
/// ordinal comparison: lower case, no diacritics, apostrophes dropped, any other punctuation a
/// single space.
/// </summary>
internal static class SearchText
{
    // Papuan and Madurese names write a glottal stop with an apostrophe (Regapu’u, Soka'an); people
    // type it, leave it out or use a different mark, so it must not split or change the word.
    private static readonly SearchValues<char> Apostrophes = SearchValues.Create("'’‘`´ʼ\"“”");

    /// <summary>Direction and river words that tell sibling regions apart (OKU vs OKU Timur).</summary>
    public static readonly FrozenSet<string> DirectionWords = FrozenSet.ToFrozenSet(
        ["utara", "selatan", "barat", "timur", "tengah", "tenggara", "daya", "pusat", "ilir", "ulu", "hulu", "hilir"],
        StringComparer.Ordinal);

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var source = Ascii.IsValid(text) ? text : RemoveDiacritics(text);
        Span<char> buffer = source.Length <= 256 ? stackalloc char[source.Length] : new char[source.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in source)
        {
            if (char.IsLetterOrDigit(raw))
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                buffer[length++] = char.ToLowerInvariant(raw);
            }
            else if (!Apostrophes.Contains(raw))
            {
                pendingSpace = true;
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>Marks dropped inside words rather than read as separators.</summary>
    public static bool IsApostrophe(char c) => Apostrophes.Contains(c);

    /// <summary>A normalised text without its spaces: "Muara Enim" and "Muaraenim" meet here.</summary>
    public static string Compact(string normalized) =>
        normalized.Contains(' ') ? normalized.Replace(" ", "", StringComparison.Ordinal) : normalized;

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
