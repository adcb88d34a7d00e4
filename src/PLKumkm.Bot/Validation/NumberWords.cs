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

    [GeneratedRegex(@"(?<num>\d+(?:[.,]\d+)*(?:[ ']\d{3}(?![\d.,]))*)|(?<word>\p{L}+)|(?<space>\s+)|(?<other>.)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
