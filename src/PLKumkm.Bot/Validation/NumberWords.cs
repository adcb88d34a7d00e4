using System.Globalization;
using System.Text.RegularExpressions;

namespace PLKumkm.Bot.Validation;

/// <summary>
/// Reads a number the way Indonesians write it in chat: digits with <c>.</c> thousands and
/// <c>,</c> decimals (<c>2.500.000</c>, <c>2,5</c>), scale words and their abbreviations
/// (<c>2,5jt</c>, <c>500rb</c>, <c>1,2 M</c>), and number words (<c>dua setengah juta</c>,
/// <c>seratus lima puluh ribu</c>, <c>duapuluh</c>), freely mixed.
/// </summary>
internal static partial class NumberWords
{
    /// <summary>Money accepts one-letter scales (<c>k</c>, <c>M</c>, <c>T</c>); counts do not, so <c>5 m</c> is not 5 billion people.</summary>
    public enum Style { Money, Count }

    public enum Failure { None, NoNumber, Malformed, TooLarge }

    /// <summary>
    /// The number read from the start of the text. <see cref="Unsure"/>: a reasonable reading that
    /// a person should confirm (<c>1,2 M</c>, <c>2,500</c>, <c>2jt500</c>). <see cref="Rest"/>: the
    /// text after the number, which the caller judges (<c>orang</c> in <c>2 orang</c>).
    /// </summary>
    public readonly record struct Reading(Failure Failure, decimal Value, bool Unsure, bool HasScale, bool HasFraction, string Rest)
    {
        public bool Ok => Failure == Failure.None;
    }

    private enum Kind { Numeral, Digit, Se, Half, Belas, Puluh, Ratus, Scale, Koma, Skip }

    private readonly record struct Token(Kind Kind, decimal Value, bool Unsure, string Raw);

    private static readonly Dictionary<string, Token> Words = BuildWords(includeLetters: false);
    private static readonly Dictionary<string, Token> MoneyWords = BuildWords(includeLetters: true);

    // Longest first, so "sembilan" wins over "se" + "mbilan" when splitting glued words.
    private static readonly string[] GluePieces = Words.Keys
        .Where(k => k.Length >= 3 || k == "se")
        .OrderByDescending(k => k.Length)
        .ToArray();

    private const int MaxNumeralDigits = 18;

    public static Reading Read(string text, Style style)
    {
        var vocabulary = style == Style.Money ? MoneyWords : Words;
        var tokens = new List<Token>();
        var starts = new List<int>();
        var restStart = text.Length;
        foreach (Match m in TokenPattern().Matches(text))
        {
            if (m.Groups["space"].Success)
            {
                continue;
            }

            var before = tokens.Count;
            if (m.Groups["num"].Success)
            {
                tokens.Add(new Token(Kind.Numeral, 0, false, m.Value));
            }
            else if (!m.Groups["word"].Success || !TryWord(m.Value.ToLowerInvariant(), vocabulary, tokens))
            {
                restStart = m.Index;
                break;
            }

            starts.AddRange(Enumerable.Repeat(m.Index, tokens.Count - before));
        }

        // "dan" joins parts ("dua juta dan lima ratus ribu"); at the end it belongs to the rest.
        while (tokens.Count > 0 && tokens[^1].Kind == Kind.Skip)
        {
            restStart = starts[^1];
            tokens.RemoveAt(tokens.Count - 1);
            starts.RemoveAt(starts.Count - 1);
        }

        var rest = text[restStart..].Trim();
        if (tokens.Count == 0)
        {
            return new Reading(Failure.NoNumber, 0, false, false, false, rest);
        }

        try
        {
            return Evaluate(tokens, rest);
        }
        catch (OverflowException)
        {
            return new Reading(Failure.TooLarge, 0, false, false, false, rest);
        }
    }

    /// <summary>Whether a number word appears anywhere ("… dan tiga perempuan"), to catch a second number after the first.</summary>
    public static bool MentionsNumber(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Any(m =>
            Words.TryGetValue(m.Value, out var t) ? t.Kind is Kind.Digit or Kind.Half or Kind.Scale
            : m.Value.Length > 2 && m.Value.StartsWith("se", StringComparison.Ordinal) && Words.TryGetValue(m.Value[2..], out var u) && u.Kind is Kind.Belas or Kind.Puluh or Kind.Ratus or Kind.Scale);

    private static bool TryWord(string word, Dictionary<string, Token> vocabulary, List<Token> tokens)
    {
        if (vocabulary.TryGetValue(word, out var token))
        {
            tokens.Add(token);
            return true;
        }

        // People glue number words ("duapuluh", "sejuta", "limaratus"): split on known words only.
        if (word.Length > 40)
        {
            return false;
        }

        var pieces = new List<Token>();
        if (!Split(word, 0, pieces))
        {
            return false;
        }

        tokens.AddRange(pieces);
        return true;
    }

    private static bool Split(string word, int start, List<Token> pieces)
    {
        if (start == word.Length)
        {
            return true;
        }

        foreach (var piece in GluePieces)
        {
            if (string.CompareOrdinal(word, start, piece, 0, piece.Length) != 0)
            {
                continue;
            }

            pieces.Add(Words[piece]);
            if (Split(word, start + piece.Length, pieces))
            {
                return true;
            }

            pieces.RemoveAt(pieces.Count - 1);
        }

        return false;
    }

    private static Reading Evaluate(List<Token> tokens, string rest)
    {
        decimal total = 0, group = 0;
        decimal? unit = null;
        var unitNumeralDigits = 0;      // > 0 when the pending unit was written in digits
        var lastScale = decimal.MaxValue;
        bool unsure = false, hasScale = false, inFraction = false;
        decimal fractionStep = 0.1m;

        Reading Bad() => new(Failure.Malformed, 0, false, false, false, rest);

        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            switch (t.Kind)
            {
                case Kind.Skip:
                    if (i == 0)
                    {
                        return Bad();
                    }

                    break;

                case Kind.Numeral:
                    if (unit is not null || inFraction)
                    {
                        return Bad();
                    }

                    var scaleFollows = i + 1 < tokens.Count && tokens[i + 1].Kind == Kind.Scale;
                    if (!TryNumeral(t.Raw, scaleFollows, out var numeral, out var numeralUnsure, out var digits))
                    {
                        return digits > MaxNumeralDigits ? new Reading(Failure.TooLarge, 0, false, false, false, rest) : Bad();
                    }

                    unit = numeral;
                    unitNumeralDigits = digits;
                    unsure |= numeralUnsure;
                    break;

                case Kind.Digit:
                    if (inFraction)
                    {
                        unit += t.Value * fractionStep;
                        fractionStep /= 10;
                        break;
                    }

                    if (unit is not null)
                    {
                        return Bad();
                    }

                    unit = t.Value;
                    unitNumeralDigits = 0;
                    break;

                case Kind.Se:
                    var next = i + 1 < tokens.Count ? tokens[i + 1].Kind : Kind.Skip;
                    if (unit is not null || inFraction || next is not (Kind.Belas or Kind.Puluh or Kind.Ratus or Kind.Scale))
                    {
                        return Bad();
                    }

                    unit = 1;
                    unitNumeralDigits = 0;
                    break;

                case Kind.Half:
                    if (inFraction || (unit is { } u && u != decimal.Truncate(u)))
                    {
                        return Bad();
                    }

                    unit = (unit ?? 0) + 0.5m;
                    break;

                case Kind.Belas:
                case Kind.Puluh:
                    if (inFraction || unit is not { } small || small < 1 || small > 9 || small != decimal.Truncate(small) || group % 100 != 0)
                    {
                        return Bad();
                    }

                    group += t.Kind == Kind.Belas ? 10 + small : small * 10;
                    unit = null;
                    break;

                case Kind.Ratus:
                    if (inFraction || unit is not { } hundreds || hundreds <= 0 || group != 0)
                    {
                        return Bad();
                    }

                    group += hundreds * 100;
                    unit = null;
                    break;

                case Kind.Scale:
                    var n = group + (unit ?? 0);
                    if (n == 0 || t.Value >= lastScale)
                    {
                        return Bad();
                    }

                    total += n * t.Value;
                    group = 0;
                    unit = null;
                    inFraction = false;
                    lastScale = t.Value;
                    hasScale = true;
                    unsure |= t.Unsure;
                    break;

                case Kind.Koma:
                    // "dua koma lima juta": only after a whole number word.
                    if (inFraction || unit is not { } whole || whole != decimal.Truncate(whole) || unitNumeralDigits > 0 || group != 0)
                    {
                        return Bad();
                    }

                    inFraction = true;
                    fractionStep = 0.1m;
                    break;
            }
        }

        var remainder = group + (unit ?? 0);
        if (hasScale && remainder > 0)
        {
            if (remainder >= 1000 || remainder != decimal.Truncate(remainder))
            {
                return Bad();
            }

            if (lastScale == 1000)
            {
                // "5 ribu 500", "dua ribu lima" (a year) are exact.
                total += remainder;
            }
            else
            {
                // Spoken shorthand continues the number: "2jt500" and "dua juta lima ratus" mean
                // 2.500.000, "2jt5" and "sejuta lima" mean 2,5 and 1,5 juta. Likely, not certain:
                // the person confirms.
                var divisor = group == 0 && unitNumeralDigits is >= 1 and <= 3
                    ? (decimal)Math.Pow(10, unitNumeralDigits)
                    : group == 0 ? 10m : 1000m;
                total += remainder * lastScale / divisor;
                unsure = true;
            }
        }
        else
        {
            total += remainder;
        }

        return new Reading(Failure.None, total, unsure, hasScale, total != decimal.Truncate(total), rest);
    }

    /// <summary>
    /// One written number. Indonesian: <c>.</c> groups thousands, <c>,</c> marks decimals. English
    /// habits are read when unambiguous (<c>2,500,000.00</c>); <c>2.5</c> (one or two digits after
    /// a single dot) is a decimal; <c>2,500</c> with no scale word is 2500 but unsure.
    /// </summary>
    private static bool TryNumeral(string raw, bool scaleFollows, out decimal value, out bool unsure, out int digitCount)
    {
        value = 0;
        unsure = false;
        var s = raw.Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        digitCount = InputText.CountDigits(s);
        if (digitCount > MaxNumeralDigits)
        {
            return false;
        }

        var dots = s.Count(c => c == '.');
        var commas = s.Count(c => c == ',');
        string integerPart, fractionPart = "";

        if (dots == 0 && commas == 0)
        {
            integerPart = s;
        }
        else if (dots > 0 && commas > 0)
        {
            var decimalSep = s[s.LastIndexOfAny(['.', ','])];
            var groupSep = decimalSep == '.' ? ',' : '.';
            if (s.Count(c => c == decimalSep) != 1)
            {
                return false;
            }

            var at = s.LastIndexOf(decimalSep);
            fractionPart = s[(at + 1)..];
            if (!IsGrouped(s[..at], groupSep, out integerPart))
            {
                return false;
            }
        }
        else
        {
            var sep = dots > 0 ? '.' : ',';
            var parts = s.Split(sep);
            if (parts.Length > 2)
            {
                if (!IsGrouped(s, sep, out integerPart))
                {
                    return false;
                }
            }
            else if (parts[1].Length == 3 && parts[0].Length <= 3 && (sep == '.' || !scaleFollows))
            {
                // "2.500" is Rp2.500 in Indonesian; "2,500" is probably English for the same.
                integerPart = parts[0] + parts[1];
                unsure = sep == ',';
            }
            else
            {
                integerPart = parts[0];
                fractionPart = parts[1];
            }
        }

        var number = integerPart + (fractionPart.Length > 0 ? "." + fractionPart : "");
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary><c>2.500.000</c>: 1–3 digits, then groups of exactly 3.</summary>
    private static bool IsGrouped(string s, char sep, out string digits)
    {
        digits = "";
        var parts = s.Split(sep);
        if (parts[0].Length is < 1 or > 3 || parts.Skip(1).Any(p => p.Length != 3))
        {
            return false;
        }

        digits = string.Concat(parts);
        return true;
    }

    private static Dictionary<string, Token> BuildWords(bool includeLetters)
    {
        var words = new Dictionary<string, Token>(StringComparer.Ordinal);
        string[] digits = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];
        for (var i = 0; i < digits.Length; i++)
        {
            words[digits[i]] = new Token(Kind.Digit, i, false, digits[i]);
        }

        words["se"] = new Token(Kind.Se, 1, false, "se");
        words["setengah"] = new Token(Kind.Half, 0.5m, false, "setengah");
        words["belas"] = new Token(Kind.Belas, 10, false, "belas");
        words["puluh"] = new Token(Kind.Puluh, 10, false, "puluh");
        words["ratus"] = new Token(Kind.Ratus, 100, false, "ratus");
        words["koma"] = new Token(Kind.Koma, 0, false, "koma");
        words["dan"] = new Token(Kind.Skip, 0, false, "dan");

        void Scale(decimal value, bool unsure, params string[] names)
        {
            foreach (var name in names)
            {
                words[name] = new Token(Kind.Scale, value, unsure, name);
            }
        }

        Scale(1_000m, false, "ribu", "rb", "rbu", "rebu", "ribo", "thousand");
        Scale(1_000_000m, false, "juta", "jt", "jta", "jeti", "million", "mio");
        Scale(1_000_000_000m, false, "miliar", "milyar", "miliard", "milyard", "billion", "bn");
        Scale(1_000_000_000_000m, false, "triliun", "trilyun", "trillion", "tn");
        if (includeLetters)
        {
            Scale(1_000m, false, "k");
            // One letter "M" is miliar in Indonesian but "million" to English speakers: confirm.
            Scale(1_000_000_000m, true, "m", "b");
            Scale(1_000_000_000_000m, true, "t");
        }

        return words;
    }

    [GeneratedRegex(@"(?<num>\d+(?:[.,]\d+)*(?:[ ']\d{3}(?![\d.,]))*)|(?<word>\p{L}+)|(?<space>\s+)|(?<other>.)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
