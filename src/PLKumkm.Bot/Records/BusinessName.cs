using System.Text;
using System.Text.RegularExpressions;
using PLKumkm.Bot.Conversations.Engine;

namespace PLKumkm.Bot.Records;

/// <summary>
/// Folds a business name for "same business" matching: case, spacing, punctuation and the usual
/// abbreviations of prefixes ("Wr." = "Warung", "Tk." = "Toko") do not make a different business,
/// but the words themselves are kept ("Warung Bu Sari 2" is another business than "Warung Bu Sari").
/// </summary>
internal static partial class BusinessName
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["wr"] = "warung",
        ["wrg"] = "warung",
        ["tk"] = "toko",
        ["kd"] = "kedai",
        ["rm"] = "rumah makan",
        ["ud"] = "ud",
        ["bu"] = "bu",
        ["ibu"] = "bu",
        ["pak"] = "pak",
        ["bpk"] = "pak",
        ["bapak"] = "pak",
    };

    public static string Normalize(string name)
    {
        if (Ascii.IsValid(name))
        {
            return NormalizeAscii(name);
        }

        return NormalizeAnyText(name);
    }

    /// <summary>The general path (any Unicode text); <see cref="Normalize"/> takes a shortcut for ASCII.</summary>
    internal static string NormalizeAnyText(string name)
    {
        var folded = TextNormalizer.Fold(name);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.GetValueOrDefault(w, w));
        return Spaces().Replace(string.Join(' ', words), " ").Trim();
    }

    // The same result as the general path for plain ASCII (no accents to strip, no Unicode spaces),
    // without its Unicode normalisation: imports fold a million names.
    private static string NormalizeAscii(string name)
    {
        var words = new List<string>(6);
        var word = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (!char.IsControl(c) || char.IsWhiteSpace(c))
            {
                // Spaces and punctuation separate words; other control characters are dropped, as Clean does.
                Flush(word, words);
            }
        }

        Flush(word, words);
        return string.Join(' ', words);
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length > 0)
        {
            var w = word.ToString();
            words.Add(Abbreviations.GetValueOrDefault(w, w));
            word.Clear();
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
