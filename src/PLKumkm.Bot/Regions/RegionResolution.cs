namespace PLKumkm.Bot.Regions;

/// <summary>What a region phrase turned out to mean. Match on the three nested cases.</summary>
internal abstract record RegionResolution
{
    private RegionResolution()
    {
    }

    /// <summary>Exactly one region (or <see cref="RegionCatalog.Indonesia"/>).</summary>
    public sealed record Found(Region Region) : RegionResolution;

    /// <summary>Equally good candidates, best first, at most <see cref="RegionResolver.MaxCandidates"/>.</summary>
    public sealed record Ambiguous(IReadOnlyList<Region> Candidates) : RegionResolution;

    /// <summary>Nothing close enough; <paramref name="Text"/> is what the person typed.</summary>
    public sealed record NotFound(string Text) : RegionResolution;
}
