namespace PLKumkm.Bot.Regions;

/// <summary>Builds a <see cref="RegionCatalog"/> from the embedded CSVs, checking the tree as it goes.</summary>
internal static class RegionCatalogLoader
{
    private delegate (string Kind, string Name) Naming(string code, string rawName);

    public static RegionCatalog Load()
    {
        // The source's own province names stay searchable when the display name shortens them.
        var alternativeNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var provinces = ReadLevel("provinces", RegionLevel.Province, null, 40, (code, raw) =>
        {
            var name = RegionNames.Province(raw);
            if (SearchText.Normalize(name) != SearchText.Normalize(raw))
            {
                alternativeNames[code] = raw;
            }

            return ("Provinsi", name);
        });
        var provinceIndex = new RegionLevelIndex(provinces, alternativeNames);
        var regencies = new RegionLevelIndex(ReadLevel("regencies", RegionLevel.Regency, provinceIndex, 520, (_, raw) => RegionNames.Regency(raw)));
        var districts = new RegionLevelIndex(ReadLevel("districts", RegionLevel.District, regencies, 7300, (_, raw) => ("Kecamatan", RegionNames.Local(raw))));
        var villages = new RegionLevelIndex(ReadLevel("villages", RegionLevel.Village, districts, 84000, RegionNames.Village));
        return RegionCatalog.FromLevels(provinceIndex, regencies, districts, villages);
    }

    private static Region[] ReadLevel(string file, RegionLevel level, RegionLevelIndex? parents, int capacity, Naming naming)
    {
        var source = $"{file}.csv";
        var regions = new List<Region>(capacity);
        Region? parent = null;
        using var stream = RegionCsv.OpenEmbedded(file);
        foreach (var (line, fields) in RegionCsv.Read(stream, source, parents is null ? 2 : 3))
        {
            var code = fields[0];
            if (!RegionCodes.IsValid(code) || RegionCodes.LevelOf(code) != level)
            {
                throw new InvalidDataException($"{source} line {line}: '{code}' is not a {level} code.");
            }

            var parentCode = RegionCodes.Country;
            if (parents is not null)
            {
                // Rows come grouped by parent, so the previous row's parent is almost always right.
                if (parent?.Code != fields[1])
                {
                    parent = parents.Find(fields[1])
                        ?? throw new InvalidDataException($"{source} line {line}: unknown parent '{fields[1]}'.");
                }

                if (!RegionCodes.IsWithin(code, parent.Code))
                {
                    throw new InvalidDataException($"{source} line {line}: '{code}' is not inside '{parent.Code}'.");
                }

                // Shares the parent's string instead of keeping 83,763 copies of district codes.
                parentCode = parent.Code;
            }

            var (kind, name) = naming(code, fields[^1]);
            regions.Add(new Region(code, name, kind, level, parentCode));
        }

        var array = regions.ToArray();
        if (!IsStrictlySorted(array))
        {
            Array.Sort(array, (a, b) => string.CompareOrdinal(a.Code, b.Code));
            if (!IsStrictlySorted(array))
            {
                throw new InvalidDataException($"{source}: duplicate codes.");
            }
        }

        return array;
    }

    private static bool IsStrictlySorted(Region[] regions)
    {
        for (var i = 1; i < regions.Length; i++)
        {
            if (string.CompareOrdinal(regions[i - 1].Code, regions[i].Code) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
