using System.Globalization;
using System.Text;
using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Conversations.Engine;

internal static partial class TextNormalizer
{
    /// <summary>Trims, folds runs of white space to one space and drops control and invisible formatting characters.</summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in InvisibleText.Strip(text).Trim())
        {
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (char.IsControl(ch))
            {
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>Lower case, accents and punctuation removed: for comparing what people type with option labels.</summary>
    public static string Fold(string text)
    {
        var decomposed = Clean(text).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        }

        return Clean(sb.ToString());
    }

    /// <summary>
    /// A folded answer as typed, with reduplication written out (<c>laki2</c> → <c>laki laki</c>,
    /// <c>dua2nya</c> → <c>dua duanya</c>), and with a doubled word said once (<c>laki laki</c> → <c>laki</c>).
    /// </summary>
    public static IEnumerable<string> Forms(string folded)
    {
        yield return folded;
        var written = Reduplication().Replace(folded, m => $"{m.Groups[1].Value} {m.Groups[1].Value}{m.Groups[2].Value}");
        if (written != folded)
        {
            yield return written;
        }

        var words = written.Split(' ');
        var once = string.Join(' ', words.Where((w, i) => i == 0 || w != words[i - 1]));
        if (once != written)
        {
            yield return once;
        }
    }

    public static bool HasLetterOrDigit(string text) => text.Any(char.IsLetterOrDigit);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(\p{L}{2,})2(\p{L}*)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Reduplication();
}
