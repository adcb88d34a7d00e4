namespace PLKumkm.Bot.Storage.Entities;

/// <summary>Kemendagri region reference data (ODbL, idn-area-data), loaded once from the bundled files.</summary>
internal sealed class RegionRow
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public int Level { get; set; }
    public string? ParentCode { get; set; }
}
