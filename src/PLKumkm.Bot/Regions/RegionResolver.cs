namespace PLKumkm.Bot.Regions;

/// <summary>
/// Turns what people type after "progress" into the country, a province or a regency/city:
/// codes (<c>16.01</c>, <c>1601</c>), "Indonesia"/"nasional", official names with or without
/// Kabupaten/Kab./Kota/Provinsi, short forms from <see cref="RegionAliases"/>, small typos.
/// </summary>
/// <remarks>
/// Exact names and short forms always win over completions and typos, so a real region's name can
/// never be "corrected" into another region; a typo must keep every direction word (OKU vs OKU
/// Timur); a kind the person wrote decides between namesakes (Kota vs Kabupaten Bekasi); and
/// namesakes with no kind given are returned as <see cref="RegionResolution.Ambiguous"/>.
/// </remarks>
internal sealed class RegionResolver(RegionCatalog catalog, RegionAliases aliases)
{
    public const int MaxCandidates = 8;

    private static readonly Lazy<RegionResolver> SharedInstance =
        new(() => new RegionResolver(RegionCatalog.Shared, RegionAliases.LoadEmbedded()), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly RegionLevel[] Levels = [RegionLevel.Province, RegionLevel.Regency];

    /// <summary>Bundled regions and aliases, loaded on first use.</summary>
    public static RegionResolver Shared => SharedInstance.Value;

    public RegionResolution Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (RegionCodes.TryNormalize(text, out var code))
        {
            return catalog.Find(code) is { Level: <= RegionLevel.Regency } region
                ? new RegionResolution.Found(region)
                : new RegionResolution.NotFound(text);
        }

        var readings = SearchQuery.Readings(text);
        var queries = WithExpansions(readings);
        var matches = new List<RegionMatch>();
        for (var i = 0; i < queries.Count; i++)
        {
            var query = queries[i];
            foreach (var region in aliases.Lookup(query))
            {
                matches.Add(new RegionMatch(region, MatchTier.Exact, i, !query.KindAgrees(region.Kind), 0));
            }

            foreach (var level in Levels)
            {
                catalog.CollectMatches(query, i, level, RegionCodes.Country, matches);
            }
        }

        var ranked = RegionMatch.Rank(matches);
        if (ranked.Count == 0)
        {
            return new RegionResolution.NotFound(text);
        }

        var best = ranked.TakeWhile(m => m.Ties(ranked[0])).ToList();
        if (best[0].Tier == MatchTier.Typo && NamesSmallerRegion(readings))
        {
            // "Baturaja" is a district, not a typo of Batu Bara: better to say we do not know it.
            return new RegionResolution.NotFound(text);
        }

        return best.Count == 1
            ? new RegionResolution.Found(best[0].Region)
            : new RegionResolution.Ambiguous([.. best.Take(MaxCandidates).Select(m => m.Region)]);
    }

    // Readings first, then the same readings with short forms spelled out, each once.
    private List<SearchQuery> WithExpansions(IReadOnlyList<SearchQuery> readings)
    {
        var queries = new List<SearchQuery>(readings);
        var seen = new HashSet<(string, string?)>(readings.Select(r => (r.Text, r.KindHint)));
        foreach (var reading in readings)
        {
            foreach (var expansion in aliases.Expansions(reading))
            {
                if (seen.Add((expansion, reading.KindHint)))
                {
                    queries.Add(SearchQuery.FromNormalized(expansion, reading.KindHint));
                }
            }
        }

        return queries;
    }

    private bool NamesSmallerRegion(IReadOnlyList<SearchQuery> readings) =>
        readings.Any(r => catalog.HasExactName(r, RegionLevel.District) || catalog.HasExactName(r, RegionLevel.Village));
}
