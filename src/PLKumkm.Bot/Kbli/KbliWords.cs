using System.Globalization;
using System.Text;

namespace PLKumkm.Bot.Kbli;

/// <summary>
/// Words for matching what people say against KBLI texts: folded to lower-case letters and digits,
/// reduplication written short undone (<c>kue2</c>, <c>kue-kue</c> → <c>kue</c>), small filler words
/// dropped, and a light Indonesian stemmer so "menjahit", "penjahit" and "jahitan" all meet "jahit".
/// The same function runs on the catalogue and on the question, so its mistakes cancel out.
/// </summary>
internal static class KbliWords
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "dan", "di", "ke", "dari", "yang", "untuk", "atau", "serta", "dengan", "dll", "dsb", "lain", "lainnya", "saya", "kami",
        "usaha", "bisnis", "kecil", "kecilan", "ini", "itu", "juga", "ada", "buka", "sendiri", "macam", "aneka",
        "berbagai", "jenis", "the", "and", "of", "a", "an", "my", "i", "we", "sell", "sells", "selling", "make", "makes", "making", "kelompok", "mencakup", "termasuk",
        "kegiatan", "seperti", "misalnya", "sejenisnya", "ybdi", "ytdl",
    };

    /// <summary>Stems of the meaningful words, in order.</summary>
    public static List<string> Stems(string text)
    {
        var result = new List<string>();
        foreach (var word in Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = Unreduplicate(word);
            if (w.Length < 2 || Filler.Contains(w))
            {
                continue;
            }

            result.Add(Stem(w));
        }

        return result;
    }

    /// <summary>Lower case, accents off, anything but letters and digits a space; "kue-kue" stays one word.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var ch = decomposed[i];
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var joinsWords = ch == '-' && i > 0 && i < decomposed.Length - 1 && char.IsLetter(decomposed[i - 1]) && char.IsLetter(decomposed[i + 1]);
            sb.Append(char.IsLetterOrDigit(ch) || joinsWords ? ch : ' ');
        }

        return sb.ToString();
    }

    /// <summary><c>kue2</c>, <c>kue-kue</c>, <c>sayur-mayur</c> → the base word.</summary>
    public static string Unreduplicate(string word)
    {
        if (word.Length > 2 && word[^1] == '2' && char.IsLetter(word[^2]))
        {
            return word[..^1];
        }

        var dash = word.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? word[..dash] : word;
    }

    /// <summary>Strips the commonest affixes; words of four letters or fewer are left alone.</summary>
    public static string Stem(string word)
    {
        var w = word;
        if (w.Length > 6 && w.EndsWith("nya", StringComparison.Ordinal))
        {
            w = w[..^3];
        }

        if (w.Length > 5 && w.EndsWith("an", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        if (w.Length <= 4)
        {
            return w;
        }

        static bool Vowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
        string? rest = null;
        if (w.StartsWith("meny", StringComparison.Ordinal) || w.StartsWith("peny", StringComparison.Ordinal))
        {
            rest = "s" + w[4..];
        }
        else if (w.StartsWith("meng", StringComparison.Ordinal) || w.StartsWith("peng", StringComparison.Ordinal))
        {
            rest = w[4..];
        }
        else if (w.StartsWith("mem", StringComparison.Ordinal) || w.StartsWith("pem", StringComparison.Ordinal))
        {
            rest = Vowel(w[3]) ? "p" + w[3..] : w[3..];
        }
        else if (w.StartsWith("men", StringComparison.Ordinal) || w.StartsWith("pen", StringComparison.Ordinal))
        {
            rest = Vowel(w[3]) ? "t" + w[3..] : w[3..];
        }
        else if (w.StartsWith("ber", StringComparison.Ordinal) || w.StartsWith("per", StringComparison.Ordinal) || w.StartsWith("ter", StringComparison.Ordinal))
        {
            rest = w[3..];
        }
        else if (w.StartsWith("me", StringComparison.Ordinal) || w.StartsWith("pe", StringComparison.Ordinal) || w.StartsWith("di", StringComparison.Ordinal))
        {
            rest = w[2..];
        }

        return rest is { Length: >= 3 } ? rest : w;
    }
}
