namespace PLKumkm.Bot.Regions;

/// <summary>
/// All Kemendagri regions in memory (read-only after load, safe to share between threads), with
/// navigation, name search and time zones. Source: idn-area-data 3.1.2, ODbL.
/// </summary>
/// <remarks>
/// The country is <see cref="Indonesia"/>, code <c>""</c> (<see cref="RegionCodes.Country"/>):
/// <c>Find("")</c> returns it and its children are the provinces.
/// </remarks>
internal sealed partial class RegionCatalog : IRegionLookup
{
    private static readonly Lazy<RegionCatalog> SharedInstance = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    // Provinces, regencies, districts, villages: RegionLevel - 1.
    private readonly RegionLevelIndex[] levels;

    private RegionCatalog(RegionLevelIndex[] levels) => this.levels = levels;

    /// <summary>The whole country: national totals, parent of the provinces.</summary>
    public static Region Indonesia { get; } = new(RegionCodes.Country, "Indonesia", "", RegionLevel.Country, null);

    /// <summary>The bundled data, loaded on first use and kept for the life of the process.</summary>
    public static RegionCatalog Shared => SharedInstance.Value;

    /// <summary>Loads the bundled Kemendagri data (embedded gzip CSVs).</summary>
    public static RegionCatalog LoadEmbedded() => RegionCatalogLoader.Load();

    internal static RegionCatalog FromLevels(RegionLevelIndex provinces, RegionLevelIndex regencies, RegionLevelIndex districts, RegionLevelIndex villages) =>
        new([provinces, regencies, districts, villages]);

    public int Count(RegionLevel level) => level == RegionLevel.Country ? 1 : Index(level).Regions.Length;

    /// <summary>Every region of a level, in code order.</summary>
    public IReadOnlyList<Region> All(RegionLevel level) =>
        level == RegionLevel.Country ? [Indonesia] : new RegionSlice(Index(level).Regions, 0, Index(level).Regions.Length);

    /// <summary>The region with this code (<c>1601</c> is read as <c>16.01</c>); <c>""</c> is Indonesia.</summary>
    public Region? Find(string code)
    {
        if (code.Length == 0)
        {
            return Indonesia;
        }

        return RegionCodes.TryNormalize(code, out var canonical) ? Index(RegionCodes.LevelOf(canonical)).Find(canonical) : null;
    }

    /// <summary>Children of a region in code order; <c>null</c> or <c>""</c> gives the provinces.</summary>
    public IReadOnlyList<Region> ChildrenOf(string? parentCode)
    {
        if (string.IsNullOrEmpty(parentCode))
        {
            return All(RegionLevel.Province);
        }

        var parent = Find(parentCode);
        if (parent is null || parent.Level == RegionLevel.Village)
        {
            return [];
        }

        var children = Index(parent.Level + 1);
        var (start, end) = children.RangeWithin(parent.Code);
        return new RegionSlice(children.Regions, start, end - start);
    }

    /// <summary>The province containing <paramref name="code"/> (itself for a province); null for the country or unknown codes.</summary>
    public Region? ProvinceOf(string code) => AncestorAt(code, RegionLevel.Province);

    /// <summary>The regency/city containing <paramref name="code"/> (itself for a regency).</summary>
    public Region? RegencyOf(string code) => AncestorAt(code, RegionLevel.Regency);

    /// <summary>The district containing <paramref name="code"/> (itself for a district).</summary>
    public Region? DistrictOf(string code) => AncestorAt(code, RegionLevel.District);

    /// <summary>
    /// The regions above <paramref name="code"/>, province first, without the country and without the
    /// region itself: for <c>16.01.14.1005</c> the province, the regency and the district.
    /// </summary>
    public IReadOnlyList<Region> Ancestors(string code)
    {
        var region = Find(code);
        if (region is null || region.Level <= RegionLevel.Province)
        {
            return [];
        }

        var ancestors = new List<Region>(3);
        for (var level = RegionLevel.Province; level < region.Level; level++)
        {
            ancestors.Add(AncestorAt(region.Code, level)!);
        }

        return ancestors;
    }

    /// <summary>
    /// Full address of a region, nearest first: "Kelurahan Sukaraya, Kecamatan Baturaja Timur,
    /// Kabupaten Ogan Komering Ulu, Provinsi Sumatera Selatan". Null for unknown codes.
    /// </summary>
    public string? Describe(string code, string separator = ", ")
    {
        var region = Find(code);
        return region is null
            ? null
            : string.Join(separator, Ancestors(region.Code).Reverse().Prepend(region).Select(r => r.FullName));
    }

    /// <summary>WIB/WITA/WIT of the region's province (Indonesia, the country, is WIB).</summary>
    /// <exception cref="ArgumentException">The code is malformed or its province does not exist.</exception>
    public TimeZoneInfo TimeZoneOf(string code) => TimeZone(code).Zone;

    /// <summary><c>WIB</c>, <c>WITA</c> or <c>WIT</c>.</summary>
    public string TimeZoneAbbreviation(string code) => TimeZone(code).Abbreviation;

    public bool ProvinceExists(string code) => Find(code)?.Level == RegionLevel.Province;

    public bool RegencyExists(string code) => Find(code)?.Level == RegionLevel.Regency;

    private (TimeZoneInfo Zone, string Abbreviation) TimeZone(string code)
    {
        if (code.Length == 0)
        {
            return RegionTimeZones.ForProvince(RegionCodes.Country);
        }

        var province = ProvinceOf(code) ?? throw new ArgumentException($"Unknown region code '{code}'.", nameof(code));
        return RegionTimeZones.ForProvince(province.Code);
    }

    private Region? AncestorAt(string code, RegionLevel level)
    {
        if (!RegionCodes.TryNormalize(code, out var canonical) || RegionCodes.LevelOf(canonical) < level)
        {
            return null;
        }

        var ancestorCode = level switch
        {
            RegionLevel.Province => RegionCodes.ProvinceCode(canonical),
            RegionLevel.Regency => RegionCodes.RegencyCode(canonical),
            _ => RegionCodes.DistrictCode(canonical),
        };
        return Index(level).Find(ancestorCode!);
    }

    private RegionLevelIndex Index(RegionLevel level) =>
        level is >= RegionLevel.Province and <= RegionLevel.Village
            ? levels[(int)level - 1]
            : throw new ArgumentOutOfRangeException(nameof(level), level, "Only provinces to villages are indexed.");
}
