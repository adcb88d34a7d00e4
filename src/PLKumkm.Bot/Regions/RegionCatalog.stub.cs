// TEMPORARY: signatures only, replaced by the regions work before anything lands.
namespace PLKumkm.Bot.Regions;

/// <summary>All regions in memory (read-only after load), with name search.</summary>
internal sealed class RegionCatalog : IRegionLookup
{
    /// <summary>Loads the bundled Kemendagri data (embedded gzip CSVs).</summary>
    public static RegionCatalog LoadEmbedded() => throw new NotImplementedException();

    public int Count(RegionLevel level) => throw new NotImplementedException();

    public Region? Find(string code) => throw new NotImplementedException();

    /// <summary>Children of a region; <c>null</c> gives the provinces.</summary>
    public IReadOnlyList<Region> ChildrenOf(string? parentCode) => throw new NotImplementedException();

    /// <summary>
    /// Regions of <paramref name="level"/> whose name matches what a person typed (case, spacing,
    /// kind prefixes and small typos forgiven), best first, inside <paramref name="withinCode"/>
    /// (any ancestor) when given. An exact name match comes first and alone when it is unique.
    /// </summary>
    public IReadOnlyList<Region> Search(string query, RegionLevel level, string? withinCode = null, int max = 8) =>
        throw new NotImplementedException();

    /// <summary>WIB/WITA/WIT of the region's province (Indonesia, the country, is WIB).</summary>
    public TimeZoneInfo TimeZoneOf(string code) => throw new NotImplementedException();

    public string TimeZoneAbbreviation(string code) => throw new NotImplementedException();

    public bool ProvinceExists(string code) => throw new NotImplementedException();

    public bool RegencyExists(string code) => throw new NotImplementedException();
}
