using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Exports;

/// <summary>Region arguments of exports: a Kemendagri code, a name or short form as progress takes it, or the whole country.</summary>
internal static class ExportScope
{
    private static readonly HashSet<string> Country = new(StringComparer.OrdinalIgnoreCase) { "", "all", "semua", "nasional", "indonesia" };

    /// <summary>The canonical code (<c>""</c> for the country), or null when it is not a known region.</summary>
    public static string? Parse(string? text, RegionCatalog regions)
    {
        var trimmed = text?.Trim() ?? "";
        if (Country.Contains(trimmed))
        {
            return RegionCodes.Country;
        }

        return RegionCodes.TryNormalize(trimmed, out var code) && regions.Find(code) is not null ? code : null;
    }

    /// <summary>
    /// As <see cref="Parse(string?, RegionCatalog)"/>, and else a region name the way progress reads it (<c>Sumsel</c>,
    /// <c>OKU</c>, <c>Kab. Ogan Komering Ulu</c>); null when unknown or ambiguous.
    /// </summary>
    public static string? Parse(string? text, RegionCatalog regions, RegionResolver resolver) =>
        Parse(text, regions) ?? (resolver.Resolve(text?.Trim() ?? "") is RegionResolution.Found found ? found.Region.Code : null);

    /// <summary><c>1601</c>, or <c>indonesia</c> for the country: the file name part.</summary>
    public static string FilePart(string code) => code.Length == 0 ? "indonesia" : RegionCodes.Compact(code);

    public static string Describe(string code, RegionCatalog regions) =>
        code.Length == 0 ? "Indonesia" : regions.Find(code)?.FullName ?? code;
}
