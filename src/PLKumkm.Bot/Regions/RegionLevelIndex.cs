namespace PLKumkm.Bot.Regions;

/// <summary>
/// The regions of one level sorted by code, with their search keys. Sorted codes make every
/// "inside this region" question a contiguous range found by binary search, so no per-parent lists
/// or code dictionaries are needed.
/// </summary>
internal sealed class RegionLevelIndex
{
    public RegionLevelIndex(Region[] regions, IReadOnlyDictionary<string, string>? alternativeNames = null)
    {
        Regions = regions;
        Keys = new SearchKey[regions.Length];
        for (var i = 0; i < regions.Length; i++)
        {
            Keys[i] = SearchKey.FromName(regions[i].Name);
            if (alternativeNames is not null && alternativeNames.TryGetValue(regions[i].Code, out var alternative))
            {
                AlternativeKeys ??= new SearchKey?[regions.Length];
                AlternativeKeys[i] = SearchKey.FromName(alternative);
            }
        }
    }

    public Region[] Regions { get; }

    /// <summary>Search keys of the names, aligned with <see cref="Regions"/>.</summary>
    public SearchKey[] Keys { get; }

    /// <summary>Second names (the source's "Daerah Istimewa Yogyakarta" for "DI Yogyakarta"); mostly null.</summary>
    public SearchKey?[]? AlternativeKeys { get; private set; }

    public Region? Find(string code)
    {
        var index = LowerBound(code);
        return index < Regions.Length && Regions[index].Code == code ? Regions[index] : null;
    }

    /// <summary>Index range of the regions equal to or inside <paramref name="ancestorCode"/> (<c>""</c>: all).</summary>
    public (int Start, int End) RangeWithin(string ancestorCode)
    {
        if (ancestorCode.Length == 0)
        {
            return (0, Regions.Length);
        }

        // '/' sorts right after '.', so "16.01/" bounds every "16.01.…" code from above.
        return (LowerBound(ancestorCode), LowerBound(ancestorCode + "/"));
    }

    private int LowerBound(string code)
    {
        int low = 0, high = Regions.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(Regions[middle].Code, code) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
