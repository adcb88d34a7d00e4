using System.Globalization;
using System.Text;

namespace PLKumkm.Bot.Conversations.Engine;

internal static class TextNormalizer
{
    /// <summary>Trims, folds runs of white space to one space and drops control characters.</summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text.Trim())
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

    public static bool HasLetterOrDigit(string text) => text.Any(char.IsLetterOrDigit);
}
