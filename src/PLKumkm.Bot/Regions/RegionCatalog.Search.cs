namespace PLKumkm.Bot.Regions;

internal sealed partial class RegionCatalog
{
    /// <summary>
    /// Regions of <paramref name="level"/> whose name matches what a person typed (case, spacing,
    /// punctuation, kind prefixes and small typos forgiven), best first, inside
    /// <paramref name="withinCode"/> (any ancestor) when given. An exact name match comes first and
    /// alone when it is unique. A code (<c>16.01.07.2001</c>) finds that region if it is at
    /// <paramref name="level"/>.
    /// </summary>
    /// <remarks>
    /// Order: exact name, then names starting with the query, then names whose words start with the
    /// query's words, then typos (1 edit up to 9 letters, 2 beyond; none up to 3). A typo may not drop
    /// a direction word: "baturaja timur" never finds Baturaja Barat.
    /// </remarks>
    public IReadOnlyList<Region> Search(string query, RegionLevel level, string? withinCode = null, int max = 8)
    {
        ArgumentNullException.ThrowIfNull(query);
        var within = "";
        if (max <= 0 || (!string.IsNullOrEmpty(withinCode) && !RegionCodes.TryNormalize(withinCode, out within)))
        {
            return [];
        }

        if (RegionCodes.TryNormalize(query, out var code))
        {
            var region = Find(code);
            return region is not null && region.Level == level && RegionCodes.IsWithin(region.Code, within) ? [region] : [];
        }

        if (level == RegionLevel.Country)
        {
            return SearchText.Normalize(query) == "indonesia" ? [Indonesia] : [];
        }

        var matches = new List<RegionMatch>();
        var readings = SearchQuery.Readings(query);
        for (var i = 0; i < readings.Count; i++)
        {
            CollectMatches(readings[i], i, level, within, matches);
        }

        var ranked = RegionMatch.Rank(matches);
        if (ranked.Count == 0)
        {
            return [];
        }

        if (ranked[0].Tier == MatchTier.Exact && (ranked.Count == 1 || !ranked[1].Ties(ranked[0])))
        {
            return [ranked[0].Region];
        }

        return [.. ranked.Take(max).Select(m => m.Region)];
    }

    /// <summary>
    /// Regencies/cities, districts and villages of all Indonesia whose name matches, for a person who names their
    /// town, district or village without saying the province. Each level is ranked by how well it matches, and
    /// the wider levels come first with a few places each (a district "Baturaja Timur" is likelier meant than
    /// one of the many villages called "Batu Raja"); villages must match without typos, there are too many of
    /// them for a guess to be useful. A single match comes alone.
    /// </summary>
    public IReadOnlyList<Region> SearchBelowProvinces(string query, int max = 8)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (max <= 0)
        {
            return [];
        }

        var readings = SearchQuery.Readings(query);
        List<RegionMatch> Ranked(RegionLevel level)
        {
            var matches = new List<RegionMatch>();
            for (var i = 0; i < readings.Count; i++)
            {
                CollectMatches(readings[i], i, level, "", matches);
            }

            return RegionMatch.Rank(level == RegionLevel.Village ? matches.Where(m => m.Tier != MatchTier.Typo) : matches);
        }

        var regencies = Ranked(RegionLevel.Regency).Take(2);
        var districts = Ranked(RegionLevel.District).Take(3);
        var wider = regencies.Concat(districts).ToList();
        return [.. wider.Concat(Ranked(RegionLevel.Village).Take(max - wider.Count)).Take(max).Select(m => m.Region)];
    }

    /// <summary>Adds every region of <paramref name="level"/> inside <paramref name="within"/> that matches one reading.</summary>
    internal void CollectMatches(SearchQuery query, int reading, RegionLevel level, string within, List<RegionMatch> into)
    {
        if (query.Compact.Length == 0)
        {
            return;
        }

        var index = Index(level);
        var (start, end) = index.RangeWithin(within);
        for (var i = start; i < end; i++)
        {
            var found = TryMatch(query, index.Keys[i], out var tier, out var distance);
            if (index.AlternativeKeys?[i] is { } alternative
                && TryMatch(query, alternative, out var alternativeTier, out var alternativeDistance)
                && (!found || (alternativeTier, alternativeDistance).CompareTo((tier, distance)) < 0))
            {
                (found, tier, distance) = (true, alternativeTier, alternativeDistance);
            }

            if (found)
            {
                var region = index.Regions[i];
                into.Add(new RegionMatch(region, tier, reading, !query.KindAgrees(region.Kind), distance));
            }
        }
    }

    /// <summary>True when some region of <paramref name="level"/> is called exactly <paramref name="query"/>.</summary>
    internal bool HasExactName(SearchQuery query, RegionLevel level)
    {
        foreach (var key in Index(level).Keys)
        {
            if (key.Compact == query.Compact)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryMatch(SearchQuery query, SearchKey key, out MatchTier tier, out int distance)
    {
        distance = 0;
        if (key.Compact == query.Compact)
        {
            tier = MatchTier.Exact;
            return true;
        }

        if (query.AllowsPrefix)
        {
            if (key.Compact.StartsWith(query.Compact, StringComparison.Ordinal))
            {
                tier = MatchTier.Prefix;
                return true;
            }

            if (key.WordsStartWith(query.Tokens))
            {
                tier = MatchTier.WordPrefix;
                return true;
            }
        }

        tier = MatchTier.Typo;
        var budget = query.TypoBudget;
        if (budget == 0
            || Math.Abs(key.Compact.Length - query.Compact.Length) > budget
            || key.MissingLetters(query.Letters) > budget)
        {
            return false;
        }

        distance = EditDistance.Bounded(key.Compact, query.Compact, budget);
        return distance <= budget && KeepsDirectionWords(key, query);
    }

    // "oku timr" may become "OKU Timur", but "baturaja timur" may not become "Baturaja Barat".
    private static bool KeepsDirectionWords(SearchKey key, SearchQuery query)
    {
        foreach (var word in query.DirectionWords)
        {
            if (!key.ContainsWord(word))
            {
                return false;
            }
        }

        return true;
    }
}
