using System.Globalization;

namespace PLKumkm.Bot.Validation;

/// <summary>Numbers written with digits, in Indonesian and English grouping habits.</summary>
internal static partial class NumberWords
{
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
}
