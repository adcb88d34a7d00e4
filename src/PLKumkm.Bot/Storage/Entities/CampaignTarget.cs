namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// A region's campaign target (<c>targets import</c>: region_code,target,enumerators,coordinators,start,end).
/// A province without its own row takes the sum of its regencies.
/// </summary>
internal sealed class CampaignTarget
{
    /// <summary>Kemendagri code of a province (<c>16</c>) or regency (<c>16.01</c>).</summary>
    public string RegionCode { get; set; } = "";

    // 64-bit: a province or the country sums hundreds of these, and a sum that wraps reads as a negative target.
    public long Target { get; set; }
    public long Enumerators { get; set; }
    public long Coordinators { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
