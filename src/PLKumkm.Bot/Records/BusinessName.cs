using System.Text;
using System.Text.RegularExpressions;
using PLKumkm.Bot.Conversations.Engine;

namespace PLKumkm.Bot.Records;

/// <summary>
/// Folds a business name for "same business" matching: case, spacing, punctuation, accents and the usual
/// abbreviations of prefixes ("Wr." = "Warung", "Tk." = "Toko", "KSP" = "Koperasi Simpan Pinjam") do not make
/// a different business, but the words themselves are kept: "Warung Bu Sari 2" is another business than
/// "Warung Bu Sari", and "Bu Sari" (without "Warung") is not folded into it either.
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
        ["wm"] = "warung makan",
        ["ud"] = "ud",
        ["bu"] = "bu",
        ["ibu"] = "bu",
        ["pak"] = "pak",
        ["bpk"] = "pak",
        ["bapak"] = "pak",
        ["dan"] = "dan",
        // Cooperatives: the abbreviations are how most of them are known.
        ["kop"] = "koperasi",
        ["ksp"] = "koperasi simpan pinjam",
        ["ksu"] = "koperasi serba usaha",
        ["kud"] = "koperasi unit desa",
        ["kspps"] = "koperasi simpan pinjam dan pembiayaan syariah",
        // Branch numbers written as Roman numerals ("Warung Bu Sari II" is "Warung Bu Sari 2").
        ["ii"] = "2",
        ["iii"] = "3",
    };

    public static string Normalize(string name) =>
        Ascii.IsValid(name) ? NormalizeAscii(name) : NormalizeAnyText(name);

    /// <summary>The general path (any Unicode text); <see cref="Normalize"/> takes a shortcut for ASCII.</summary>
    internal static string NormalizeAnyText(string name)
    {
        // "&" would otherwise vanish as punctuation: "Ani & Budi" is "Ani dan Budi". An apostrophe joins
        // (Syari'ah, Jum'at), it does not split a word.
        var folded = TextNormalizer.Fold(Apostrophes().Replace(name.Replace("&", " dan ", StringComparison.Ordinal), ""));
        var words = JoinLetters(folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => Abbreviations.GetValueOrDefault(w, w));
        return Spaces().Replace(string.Join(' ', words), " ").Trim();
    }

    // The general path's result for plain ASCII (no accents to strip, no Unicode spaces or quotes),
    // without its Unicode normalisation and regexes: an import folds a million names.
    private static string NormalizeAscii(string name)
    {
        var words = new List<string>(8);
        var word = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '`')
            {
                // An apostrophe joins.
            }
            else if (c == '&')
            {
                EndWord(word, words);
                words.Add("dan");
            }
            else if (!char.IsControl(c) || char.IsWhiteSpace(c))
            {
                // Spaces and punctuation end a word; other control characters are dropped, as cleaning does.
                EndWord(word, words);
            }
        }

        EndWord(word, words);
        return string.Join(' ', JoinLetters([.. words]).Select(w => Abbreviations.GetValueOrDefault(w, w)));
    }

    private static void EndWord(StringBuilder word, List<string> words)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }

    /// <summary>
    /// Likely the same business written twice: equal, one is the other plus trailing words
    /// (<c>warung bu sari</c> / <c>warung bu sari jaya</c>), or a couple of typos apart.
    /// Used only together with another strong signal (the same phone number).
    /// </summary>
    public static bool AreSimilar(string normalA, string normalB)
    {
        if (normalA.Length == 0 || normalB.Length == 0)
        {
            return false;
        }

        if (normalA == normalB
            || normalA.StartsWith(normalB + " ", StringComparison.Ordinal)
            || normalB.StartsWith(normalA + " ", StringComparison.Ordinal))
        {
            return true;
        }

        var shorter = Math.Min(normalA.Length, normalB.Length);
        var allowed = shorter >= 16 ? 2 : shorter >= 8 ? 1 : 0;
        return allowed > 0 && Regions.EditDistance.Bounded(normalA, normalB, allowed) <= allowed;
    }

    // "U.D. Maju" folds to "u d maju"; the letters belong together as "ud", like "C.V." and "P.T.".
    private static IEnumerable<string> JoinLetters(string[] words)
    {
        var run = new List<string>();
        foreach (var word in words)
        {
            if (word.Length == 1 && char.IsLetter(word[0]))
            {
                run.Add(word);
                continue;
            }

            foreach (var w in Flush(run))
            {
                yield return w;
            }

            yield return word;
        }

        foreach (var w in Flush(run))
        {
            yield return w;
        }
    }

    private static List<string> Flush(List<string> run)
    {
        var result = run.Count >= 2 ? [string.Concat(run)] : new List<string>(run);
        run.Clear();
        return result;
    }

    [GeneratedRegex("['’`]")]
    private static partial Regex Apostrophes();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
