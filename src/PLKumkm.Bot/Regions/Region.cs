namespace PLKumkm.Bot.Regions;

internal enum RegionLevel
{
    Country = 0,
    Province = 1,
    Regency = 2,
    District = 3,
    Village = 4,
}

/// <summary>
/// One Kemendagri administrative area. <see cref="Name"/> is the display name in title case
/// without the kind prefix (e.g. <c>Ogan Komering Ulu</c>); <see cref="Kind"/> is the prefix
/// users read (<c>Provinsi</c>, <c>Kabupaten</c>, <c>Kota</c>, <c>Kabupaten Administrasi</c>,
/// <c>Kota Administrasi</c>, <c>Kecamatan</c>, <c>Desa</c>, <c>Desa Adat</c>, <c>Kelurahan</c>).
/// </summary>
/// <remarks>
/// The country is a region too (<see cref="RegionCatalog.Indonesia"/>: code <c>""</c>, no kind, no
/// parent) so that national totals flow through the same code paths as regional ones. A province's
/// <see cref="ParentCode"/> is therefore <c>""</c>; only the country has <c>null</c>.
/// </remarks>
internal sealed record Region(string Code, string Name, string Kind, RegionLevel Level, string? ParentCode)
{
    /// <summary>e.g. <c>Kabupaten Ogan Komering Ulu</c>.</summary>
    public string FullName => string.IsNullOrEmpty(Kind) ? Name : $"{Kind} {Name}";

    /// <summary>True for this region and everything inside it.</summary>
    public bool Contains(string code) => RegionCodes.IsWithin(code, Code);

    public override string ToString() => Code.Length == 0 ? FullName : $"{FullName} ({Code})";
}

/// <summary>What validators need to know about regions without depending on the whole catalog.</summary>
internal interface IRegionLookup
{
    bool ProvinceExists(string code);
    bool RegencyExists(string code);
}
