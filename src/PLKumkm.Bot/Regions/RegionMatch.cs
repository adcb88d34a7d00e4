namespace PLKumkm.Bot.Regions;

/// <summary>How a name matched a query, best first.</summary>
internal enum MatchTier
{
    /// <summary>Same name, ignoring case, punctuation and spaces ("Pagaralam" = "Pagar Alam").</summary>
    Exact = 0,

    /// <summary>The name starts with the query ("Prabu" → Prabumulih).</summary>
    Prefix = 1,

    /// <summary>Each query word starts a name word, in order ("komering ulu" → Ogan Komering Ulu).</summary>
    WordPrefix = 2,

    /// <summary>Within the query's typo budget ("ogan komering ulo").</summary>
    Typo = 3,
}

/// <param name="Reading">Which reading of the query matched (0 = literal; see <see cref="SearchQuery.Readings"/>).</param>
/// <param name="KindDiffers">The person named a kind and this region is another kind (Kota vs Kabupaten).</param>
/// <param name="Distance">Edits needed; 0 unless <see cref="MatchTier.Typo"/>.</param>
internal readonly record struct RegionMatch(Region Region, MatchTier Tier, int Reading, bool KindDiffers, int Distance)
    : IComparable<RegionMatch>
{
    public int CompareTo(RegionMatch other)
    {
        var order = Tier.CompareTo(other.Tier);
        if (order == 0) order = Reading.CompareTo(other.Reading);
        if (order == 0) order = KindDiffers.CompareTo(other.KindDiffers);
        if (order == 0) order = Distance.CompareTo(other.Distance);
        // Equal matches: the wider region first (Provinsi Jambi before Kota Jambi), then code order.
        if (order == 0) order = Region.Level.CompareTo(other.Region.Level);
        if (order == 0) order = string.CompareOrdinal(Region.Code, other.Region.Code);
        return order;
    }

    /// <summary>Equally good as <paramref name="other"/>: a person would have to choose between them.</summary>
    public bool Ties(RegionMatch other) =>
        Tier == other.Tier && Reading == other.Reading && KindDiffers == other.KindDiffers && Distance == other.Distance;

    /// <summary>Each region once, at its best match, best first.</summary>
    public static List<RegionMatch> Rank(IEnumerable<RegionMatch> matches)
    {
        var best = new Dictionary<string, RegionMatch>(StringComparer.Ordinal);
        foreach (var match in matches)
        {
            if (!best.TryGetValue(match.Region.Code, out var known) || match.CompareTo(known) < 0)
            {
                best[match.Region.Code] = match;
            }
        }

        var ranked = best.Values.ToList();
        ranked.Sort();
        return ranked;
    }
}
