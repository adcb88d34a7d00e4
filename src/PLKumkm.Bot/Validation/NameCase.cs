using System.Text;

namespace PLKumkm.Bot.Validation;

/// <summary>
/// Names as they are written on an ID card or a shop sign: "siti aminah" and "WARUNG SITI." become
/// "Siti Aminah" and "Warung Siti", so the same name is stored alike whoever types it and a repeat in
/// capitals does not replace a properly written one. A name in mixed case was written with care and is kept.
/// </summary>
internal static class NameCase
{
    // Business forms and abbreviations written in capitals on every sign.
    private static readonly HashSet<string> Upper = new(StringComparer.OrdinalIgnoreCase)
    {
        "cv", "pt", "ud", "pd", "tb", "ksp", "kspps", "kud", "bmt", "usp", "umkm", "ukm", "rt", "rw", "kop", "hj", "h", "ii", "iii", "iv",
    };

    // Joining words of personal names stay small (Ahmad bin Umar).
    private static readonly HashSet<string> Lower = new(StringComparer.OrdinalIgnoreCase) { "bin", "binti", "dan", "van", "de" };

    public static string Tidy(string name)
    {
        var text = name.Trim().TrimEnd('.', ',', ';', ' ');
        var letters = text.Where(char.IsLetter).ToList();
        if (letters.Count == 0 || (letters.Any(char.IsUpper) && letters.Any(char.IsLower)))
        {
            return text.Length == 0 ? name.Trim() : text;
        }

        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var bare = words[i].Trim('.', ',', '(', ')');
            words[i] = Upper.Contains(bare) ? words[i].ToUpperInvariant()
                : i > 0 && Lower.Contains(bare) ? words[i].ToLowerInvariant()
                : Capitalise(words[i]);
        }

        return string.Join(' ', words);
    }

    /// <summary>First letter of the word and of each part after a hyphen capital, the rest small ("ma'ruf" → "Ma'ruf").</summary>
    private static string Capitalise(string word)
    {
        var sb = new StringBuilder(word.Length);
        var start = true;
        foreach (var c in word)
        {
            sb.Append(start && char.IsLetter(c) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            if (char.IsLetter(c))
            {
                start = false;
            }
            else if (c is '-' or '(' or '/')
            {
                start = true;
            }
        }

        return sb.ToString();
    }
}
