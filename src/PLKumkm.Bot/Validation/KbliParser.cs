using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Kbli;

namespace PLKumkm.Bot.Validation;

/// <summary>
/// The business sector: a KBLI 2020 section letter (<c>G</c>, <c>Sektor G</c>, <c>G - Perdagangan</c>),
/// a 5-digit KBLI code that exists in KBLI 2020 (<c>47111</c>), or a section's name (<c>perdagangan</c>).
/// Other words ("jual gorengan") are looked up in the classification: the refusal names the closest
/// codes, so quick entry and import get the same lookup as the chat (which offers them as choices).
/// </summary>
internal static partial class KbliParser
{
    private const string ExampleId = "Contoh: G (perdagangan) atau kode 5 angka 47111.";
    private const string ExampleEn = "Example: G (trade) or the 5-digit code 47111.";

    private static readonly Dictionary<string, char> NamesToSection = BuildNames();

    public static Parsed<KbliCode> Parse(string input)
    {
        var text = InputText.Clean(input).ToLowerInvariant();
        if (text.Length == 0)
        {
            return Fail("Sektor usahanya belum diisi. Tulis huruf sektor A sampai U, atau kode KBLI 5 angka.",
                "The business sector is missing. Write a section letter A to U, or a 5-digit KBLI code.");
        }

        if (text.Length > InputText.MaxLength)
        {
            return Fail("Jawabannya terlalu panjang. Tulis huruf sektornya saja.", "That answer is too long. Write just the section letter.");
        }

        text = Prefix().Replace(text, "").Trim().TrimEnd('.', '!').Trim();

        if (Code().IsMatch(text))
        {
            return FromCode(InputText.WithoutSeparators(text));
        }

        var m = Letter().Match(text);
        if (m.Success)
        {
            var letter = char.ToUpperInvariant(m.Groups["l"].Value[0]);
            var named = m.Groups["named"].Value;
            if (named.Length == 0 || (KbliSections.IsSection(letter) && Matches(letter, named)))
            {
                return FromSection(letter, code: null);
            }
        }

        if (NamesToSection.TryGetValue(Normalize(text), out var section))
        {
            return FromSection(section, code: null);
        }

        var hits = Suggest(text);
        if (hits.Count > 0 && !KbliSections.InScope(hits[0].Entry.Section))
        {
            return FromSection(hits[0].Entry.Section, code: null);
        }

        if (hits.Count > 0)
        {
            var list = string.Join("; ", hits.Select(h => $"{h.Entry.Code} {Shorten(h.Entry.Title)}"));
            return Fail(
                $"Belum jelas kode KBLI-nya. Yang paling cocok: {list}. Tulis salah satu kodenya, atau huruf sektornya (A sampai U).",
                $"The KBLI code is not clear yet. Closest: {list}. Write one of these codes, or the section letter (A to U).");
        }

        return Fail("Maaf, sektornya belum bisa saya baca. Tulis huruf sektor A sampai U, atau kode KBLI 5 angka.",
            "Sorry, I couldn't read that sector. Write a section letter A to U, or a 5-digit KBLI code.");
    }

    private static Parsed<KbliCode> FromCode(string digits)
    {
        if (digits.Length != 5)
        {
            var hint = digits.Length == 2 && KbliSections.SectionOfDivision(int.Parse(digits, CultureInfo.InvariantCulture)) is { } s
                ? new UserText($" Golongan pokok {digits} ada di sektor {s}: tulis kode lengkap 5 angka, atau huruf {s} saja.",
                    $" Division {digits} is in section {s}: write the full 5-digit code, or just the letter {s}.")
                : new UserText("", "");
            return Parsed<KbliCode>.Fail(new UserText(
                $"Kode KBLI harus 5 angka, Anda menulis {digits.Length}.{hint.Id} {ExampleId}",
                $"A KBLI code has 5 digits; you wrote {digits.Length}.{hint.En} {ExampleEn}"));
        }

        var division = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        if (KbliSections.SectionOfDivision(division) is not { } section)
        {
            return Fail(
                $"Kode KBLI {digits} tidak ada: KBLI 2020 tidak punya golongan pokok {digits[..2]}. Periksa lagi, atau tulis huruf sektornya.",
                $"There is no KBLI code {digits}: KBLI 2020 has no division {digits[..2]}. Please check it, or write the section letter.");
        }

        if (KbliCatalog.Default.Find(digits) is null)
        {
            return Fail(
                $"Kode KBLI {digits} tidak ada di KBLI 2020. Periksa lagi, tulis kegiatan usahanya, atau huruf sektornya.",
                $"There is no KBLI 2020 code {digits}. Please check it, describe the business activity, or write the section letter.");
        }

        return FromSection(section, digits);
    }

    /// <summary>
    /// The closest 5-digit codes for words that are not a letter or a code (<c>bengkel motor</c>);
    /// empty for codes, letters and section names, which <see cref="Parse"/> reads itself.
    /// </summary>
    public static IReadOnlyList<KbliHit> Suggest(string input, int max = 3)
    {
        var text = InputText.Clean(input);
        return text.Length is 0 or > InputText.MaxLength || !text.Any(char.IsLetter) || Code().IsMatch(text)
            ? []
            : KbliSearch.Default.Find(text, max);
    }

    private static Parsed<KbliCode> FromSection(char section, string? code)
    {
        if (!KbliSections.IsSection(section))
        {
            return Fail("Sektor KBLI hanya huruf A sampai U.", "KBLI sections are the letters A to U only.");
        }

        if (!KbliSections.InScope(section))
        {
            // The person did nothing wrong: thank them, say why, and show the way in when there is one.
            var which = code is null ? new UserText("", "") : new UserText($"Kode {code} termasuk sektor A. ", $"Code {code} is in section A. ");
            return Parsed<KbliCode>.Fail(which.Append(new UserText(
                "Terima kasih! Usaha pertanian, perkebunan, peternakan, kehutanan, dan perikanan (sektor A) tidak didata di PL-KUMKM, " +
                "karena sudah dicakup Sensus Pertanian. Kalau usaha Anda juga menjual atau mengolah hasilnya, pilih sektor itu: " +
                "menjual hasil panen → G (Perdagangan), mengolah makanan seperti keripik atau kopi bubuk → C (Industri Pengolahan).",
                "Thank you! Farming, plantation, livestock, forestry and fishery businesses (section A) are outside PL-KUMKM, " +
                "because the agricultural census covers them. If your business also sells or processes its products, choose that sector: " +
                "selling produce → G (Trade), processing food such as chips or ground coffee → C (Manufacturing)."), separator: ""));
        }

        return Parsed<KbliCode>.Success(new KbliCode(section, code));
    }

    /// <summary>"G Perdagangan": the words after a bare letter must name that section, so "i am" is not section I.</summary>
    private static bool Matches(char section, string named)
    {
        var words = Normalize(named);
        if (words.Length == 0)
        {
            return true;
        }

        return new[] { KbliSections.Name(section), KbliSections.ShortName(section), KbliSections.Title(section).En, KbliSections.ShortTitle(section).En }
            .Select(Normalize)
            .Any(name => name.StartsWith(words, StringComparison.Ordinal) || (words.Length >= 5 && words.StartsWith(name.Split(' ')[0], StringComparison.Ordinal)));
    }

    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Replace("&", " dan ", StringComparison.Ordinal))
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static Dictionary<string, char> BuildNames()
    {
        var names = new Dictionary<string, char>(StringComparer.Ordinal);
        var firstWords = new Dictionary<string, List<char>>(StringComparer.Ordinal);
        foreach (var section in KbliSections.Letters)
        {
            foreach (var name in new[] { KbliSections.Name(section), KbliSections.ShortName(section), KbliSections.Title(section).En, KbliSections.ShortTitle(section).En })
            {
                var normal = Normalize(name);
                names[normal] = section;
                var first = normal.Split(' ')[0];
                if (first.Length >= 5)
                {
                    (firstWords.TryGetValue(first, out var list) ? list : firstWords[first] = []).Add(section);
                }
            }
        }

        // A first word shared by several sections ("aktivitas") names none of them.
        foreach (var (word, sections) in firstWords)
        {
            if (sections.Distinct().Count() == 1)
            {
                names.TryAdd(word, sections[0]);
            }
        }

        // So that people who farm hear the kind explanation, not "I don't understand".
        foreach (var word in new[] { "tani", "petani", "perkebunan", "kebun", "peternakan", "ternak", "perikanan", "nelayan", "kehutanan", "farming", "fishery", "fishing", "livestock" })
        {
            names.TryAdd(word, 'A');
        }

        return names;
    }

    private static string Shorten(string title) => title.Length <= 70 ? title : title[..69].TrimEnd() + "…";

    private static Parsed<KbliCode> Fail(string indonesian, string english) =>
        Parsed<KbliCode>.Fail($"{indonesian} {ExampleId}", $"{english} {ExampleEn}");

    [GeneratedRegex(@"^(?:(?:kode|kbli|sektor|sector|kategori|category|section|lapangan usaha)(?![\p{L}])\s*(?:2020(?!\d)\s*)?[:.#=-]?\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^\d[\d\s.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    [GeneratedRegex(@"^\(?(?<l>[a-z])\)?(?:\s*[-:.)=]\s*(?<any>.*)|\s+(?<named>\p{L}.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Letter();
}
