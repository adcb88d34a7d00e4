using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace PLKumkm.Bot.Regions;

/// <summary>Turns the source's names into what people read: kind split off, title case.</summary>
internal static partial class RegionNames
{
    // Longest first: "KOTA ADMINISTRASI" must win over "KOTA".
    private static readonly (string Prefix, string Kind)[] RegencyPrefixes =
    [
        ("KABUPATEN ADMINISTRASI ", "Kabupaten Administrasi"),
        ("KABUPATEN ADM. ", "Kabupaten Administrasi"),
        ("KAB. ADM. ", "Kabupaten Administrasi"),
        ("KOTA ADMINISTRASI ", "Kota Administrasi"),
        ("KOTA ADM. ", "Kota Administrasi"),
        ("KABUPATEN ", "Kabupaten"),
        ("KAB. ", "Kabupaten"),
        ("KOTA ", "Kota"),
    ];

    // Abbreviations people read as letters; never title-cased.
    private static readonly FrozenSet<string> Acronyms = FrozenSet.ToFrozenSet(["DKI", "DI", "DIY", "NTB", "NTT"], StringComparer.Ordinal);

    // Conjunctions stay lower case inside names ("Pangkajene dan Kepulauan").
    private static readonly FrozenSet<string> MinorWords = FrozenSet.ToFrozenSet(["DAN"], StringComparer.Ordinal);

    /// <summary>"SUMATERA SELATAN" → "Sumatera Selatan", "DAERAH ISTIMEWA YOGYAKARTA" → "DI Yogyakarta".</summary>
    public static string Province(string raw)
    {
        var name = Collapse(raw).ToUpperInvariant();
        if (name.StartsWith("DAERAH ISTIMEWA ", StringComparison.Ordinal))
        {
            name = "DI " + name["DAERAH ISTIMEWA ".Length..];
        }
        else if (name.StartsWith("DAERAH KHUSUS IBUKOTA ", StringComparison.Ordinal))
        {
            name = "DKI " + name["DAERAH KHUSUS IBUKOTA ".Length..];
        }

        return TitleCase(name);
    }

    /// <summary>"KABUPATEN OGAN KOMERING ULU" → ("Kabupaten", "Ogan Komering Ulu").</summary>
    public static (string Kind, string Name) Regency(string raw)
    {
        var name = Collapse(raw);
        foreach (var (prefix, kind) in RegencyPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return (kind, TitleCase(name[prefix.Length..].ToUpperInvariant()));
            }
        }

        throw new InvalidDataException($"Regency name without Kabupaten/Kota prefix: '{raw}'.");
    }

    /// <summary>
    /// District and village names come in title case already and carry local spellings ("Koto XI
    /// Tarusan"), so they are only tidied, never re-cased.
    /// </summary>
    public static string Local(string raw)
    {
        var name = Collapse(raw);
        // The source writes some glottal-stop apostrophes as double quotes (Soka"an).
        return name.Contains('"') ? name.Replace('"', '\'') : name;
    }

    /// <summary>Village kind from the code's last segment: 1xxx kelurahan, 2xxx desa, 3xxx desa adat.</summary>
    public static (string Kind, string Name) Village(string code, string raw)
    {
        var name = Local(raw);
        switch (code[^4])
        {
            case '1':
                return ("Kelurahan", name);
            case '3':
                const string prefix = "Desa Adat ";
                return ("Desa Adat", name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? name[prefix.Length..] : name);
            default:
                return ("Desa", name);
        }
    }

    private static string TitleCase(string upper)
    {
        var words = upper.Split(' ');
        var builder = new StringBuilder(upper.Length);
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            var word = words[i];
            if (Acronyms.Contains(word) || RomanNumeral().IsMatch(word))
            {
                builder.Append(word);
            }
            else if (i > 0 && MinorWords.Contains(word))
            {
                builder.Append(word.ToLowerInvariant());
            }
            else
            {
                AppendCapitalised(builder, word);
            }
        }

        return builder.ToString();
    }

    // Capitalises each part of "UNA-UNA" or "TIRO/TRUSEB".
    private static void AppendCapitalised(StringBuilder builder, string word)
    {
        var startOfPart = true;
        foreach (var c in word)
        {
            builder.Append(startOfPart ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            startOfPart = !char.IsLetterOrDigit(c) && c != '\'';
        }
    }

    private static string Collapse(string raw)
    {
        var trimmed = raw.Trim();
        return trimmed.Contains("  ", StringComparison.Ordinal) ? MultipleSpaces().Replace(trimmed, " ") : trimmed;
    }

    // I..XXXIX; letters other than I, V, X would catch real words (DI, MAS, LIMA).
    [GeneratedRegex("^(?=[IVX])X{0,3}(IX|IV|V?I{0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex RomanNumeral();

    [GeneratedRegex(" {2,}", RegexOptions.CultureInvariant)]
    private static partial Regex MultipleSpaces();
}
