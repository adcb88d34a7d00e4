namespace PLKumkm.Bot.Regions;

/// <summary>
/// Shape rules for Kemendagri codes: <c>16</c> (province), <c>16.01</c> (regency), <c>16.01.07</c>
/// (district), <c>16.01.07.2001</c> (village). Only the shape is checked here; whether a code exists
/// is the catalog's business. The country is <see cref="Country"/> (<c>""</c>).
/// </summary>
internal static class RegionCodes
{
    public const string Country = "";

    // Segment widths by level; fixed widths are what make ordinal order equal numeric order.
    private static readonly int[] SegmentWidths = [2, 2, 2, 4];

    /// <summary>
    /// Accepts the dotted form or the same digits without dots (<c>1601</c> → <c>16.01</c>,
    /// <c>1601072001</c> → <c>16.01.07.2001</c>), surrounding spaces allowed. Empty input is not a code.
    /// </summary>
    public static bool TryNormalize(string? input, out string code)
    {
        code = "";
        if (input is null)
        {
            return false;
        }

        var text = input.AsSpan().Trim();
        if (text.IsEmpty || text.Length > 13)
        {
            return false;
        }

        if (text.Contains('.'))
        {
            if (!IsCanonical(text))
            {
                return false;
            }

            code = text.Length == input.Length ? input : text.ToString();
            return true;
        }

        if (!IsDigits(text))
        {
            return false;
        }

        // Digits only: cut at the cumulative segment widths 2, 4, 6, 10.
        Span<char> buffer = stackalloc char[13];
        int length = 0, consumed = 0;
        foreach (var width in SegmentWidths)
        {
            if (consumed == text.Length)
            {
                break;
            }

            if (consumed + width > text.Length)
            {
                return false;
            }

            if (consumed > 0)
            {
                buffer[length++] = '.';
            }

            text.Slice(consumed, width).CopyTo(buffer[length..]);
            length += width;
            consumed += width;
        }

        if (consumed != text.Length)
        {
            return false;
        }

        code = new string(buffer[..length]);
        return true;
    }

    /// <summary>Like <see cref="TryNormalize"/> but throws <see cref="FormatException"/>.</summary>
    public static string Normalize(string input) =>
        TryNormalize(input, out var code) ? code : throw new FormatException($"Not a region code: '{input}'.");

    /// <summary>True when <paramref name="code"/> is already in dotted canonical form.</summary>
    public static bool IsValid(string? code) => code is not null && code.Length > 0 && IsCanonical(code);

    /// <summary>Level implied by a code's shape; <c>""</c> is the country.</summary>
    public static RegionLevel LevelOf(string code) => code.Length == 0 ? RegionLevel.Country : LevelOfCanonical(Normalize(code));

    /// <summary><c>16</c> for any code inside South Sumatra; null for the country.</summary>
    public static string? ProvinceCode(string code) => Truncate(code, RegionLevel.Province);

    /// <summary><c>16.01</c> for <c>16.01.07.2001</c>; null for a province or the country.</summary>
    public static string? RegencyCode(string code) => Truncate(code, RegionLevel.Regency);

    /// <summary><c>16.01.07</c> for <c>16.01.07.2001</c>; null above district level.</summary>
    public static string? DistrictCode(string code) => Truncate(code, RegionLevel.District);

    /// <summary>The parent's code: <c>""</c> (the country) for a province, null for the country.</summary>
    public static string? ParentCode(string code)
    {
        if (code.Length == 0)
        {
            return null;
        }

        var canonical = Normalize(code);
        var lastDot = canonical.LastIndexOf('.');
        return lastDot < 0 ? Country : canonical[..lastDot];
    }

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestorCode"/> or lies inside it.</summary>
    public static bool IsWithin(string code, string ancestorCode)
    {
        if (ancestorCode.Length == 0)
        {
            return true;
        }

        return code.StartsWith(ancestorCode, StringComparison.Ordinal)
            && (code.Length == ancestorCode.Length || code[ancestorCode.Length] == '.');
    }

    /// <summary><c>16.01</c> → <c>1601</c>, the form used inside registration numbers.</summary>
    public static string Compact(string code) => Normalize(code).Replace(".", "", StringComparison.Ordinal);

    private static string? Truncate(string code, RegionLevel level)
    {
        if (code.Length == 0)
        {
            return null;
        }

        var canonical = Normalize(code);
        var own = LevelOfCanonical(canonical);
        if (own < level)
        {
            return null;
        }

        var length = level switch
        {
            RegionLevel.Province => 2,
            RegionLevel.Regency => 5,
            RegionLevel.District => 8,
            _ => canonical.Length,
        };
        return canonical[..length];
    }

    private static RegionLevel LevelOfCanonical(string canonical) => canonical.Length switch
    {
        2 => RegionLevel.Province,
        5 => RegionLevel.Regency,
        8 => RegionLevel.District,
        _ => RegionLevel.Village,
    };

    private static bool IsCanonical(ReadOnlySpan<char> text)
    {
        int segment = 0, start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
            {
                continue;
            }

            if (segment >= SegmentWidths.Length || i - start != SegmentWidths[segment] || !IsDigits(text[start..i]))
            {
                return false;
            }

            segment++;
            start = i + 1;
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
