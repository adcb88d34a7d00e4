using System.Text;
using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Validation;

/// <summary>Clean-up shared by the parsers, for text typed on phone keyboards.</summary>
internal static class InputText
{
    /// <summary>
    /// Longest answer worth reading. Longer text is a paste accident or abuse; refusing it early
    /// keeps every regex below cheap.
    /// </summary>
    public const int MaxLength = 200;

    /// <summary>
    /// Folds what phone keyboards and copy-paste produce (full-width digits, non-breaking and
    /// zero-width spaces, Unicode dashes and minus signs, curly quotes, line breaks) into plain
    /// ASCII punctuation and single spaces, trimmed. Case is kept.
    /// </summary>
    public static string Clean(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return "";
        }

        // Zero-width and bidi formatting characters arrive invisibly from copy-paste and mean nothing.
        var text = InvisibleText.Strip(input);
        try
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalized; the parsers reject them anyway.
        }

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            var mapped = c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' => '-',
                '\u2018' or '\u2019' or '\u201B' or '\u02BC' or '\u00B4' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' => '"',
                _ => c,
            };
            if (char.IsWhiteSpace(mapped) || char.IsControl(mapped))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(mapped);
        }

        return sb.ToString();
    }

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    public static int CountDigits(string text) => text.Count(IsAsciiDigit);

    /// <summary>Removes the separators people put inside long numbers (spaces, dots, dashes).</summary>
    public static string WithoutSeparators(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not (' ' or '.' or '-'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
