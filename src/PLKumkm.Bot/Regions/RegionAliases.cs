using System.Collections.Frozen;

namespace PLKumkm.Bot.Regions;

/// <summary>
/// Short forms of province and regency names (OKU, Sumsel, Jaksel) from the human-edited
/// <c>Regions/Data/aliases.txt</c>. Keys compare like region names: case, punctuation and spaces
/// ignored. Never fuzzy: OKU and OKI are one letter apart.
/// </summary>
internal sealed class RegionAliases
{
    /// <summary>How the alias file writes the country, whose real code is <c>""</c>.</summary>
    public const string CountryCode = "ID";

    private const string ResourceName = "regions.aliases.txt";

    // Compact normalised key → regions (usually one).
    private readonly FrozenDictionary<string, Region[]> byKey;

    private RegionAliases(FrozenDictionary<string, Region[]> byKey) => this.byKey = byKey;

    public static RegionAliases Empty { get; } = new(FrozenDictionary<string, Region[]>.Empty);

    public int Count => byKey.Count;

    /// <summary>The bundled alias file, checked against <see cref="RegionCatalog.Shared"/>.</summary>
    public static RegionAliases LoadEmbedded() => LoadEmbedded(RegionCatalog.Shared);

    public static RegionAliases LoadEmbedded(RegionCatalog catalog)
    {
        using var stream = typeof(RegionAliases).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"Embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), catalog, "aliases.txt");
    }

    /// <summary>
    /// Parses alias lines (<c>OKU, Ogan Komering Ulu = 16.01</c>; <c>#</c> starts a comment).
    /// </summary>
    /// <exception cref="FormatException">A line is malformed, names an unknown code or a district/village,
    /// or gives a short form two different meanings; the message carries the line number.</exception>
    public static RegionAliases Parse(string text, RegionCatalog catalog, string source = "aliases")
    {
        var entries = new Dictionary<string, (Region[] Regions, int Line)>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var hash = rawLine.IndexOf('#');
            var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals < 0)
            {
                throw Error(source, lineNumber, "expected 'short form = code'");
            }

            var regions = ParseCodes(line[(equals + 1)..], catalog, source, lineNumber);
            foreach (var name in line[..equals].Split(','))
            {
                var key = SearchText.Compact(SearchText.Normalize(name));
                if (key.Length == 0)
                {
                    throw Error(source, lineNumber, "empty short form");
                }

                if (entries.TryGetValue(key, out var known) && !known.Regions.SequenceEqual(regions))
                {
                    throw Error(source, lineNumber, $"'{name.Trim()}' already means {string.Join(", ", known.Regions.Select(r => r.FullName))} (line {known.Line})");
                }

                entries[key] = (regions, lineNumber);
            }
        }

        return new RegionAliases(entries.ToFrozenDictionary(e => e.Key, e => e.Value.Regions, StringComparer.Ordinal));
    }

    /// <summary>Regions a short form stands for; empty when it is not one.</summary>
    public IReadOnlyList<Region> Lookup(string text) => LookupCompact(SearchText.Compact(SearchText.Normalize(text)));

    internal IReadOnlyList<Region> Lookup(SearchQuery query) => LookupCompact(query.Compact);

    /// <summary>
    /// The query with a short form inside it spelled out: "oku timur" → "ogan komering ulu timur",
    /// "kab oku selatan" → "kab ogan komering ulu selatan". Only unambiguous short forms expand.
    /// </summary>
    internal IEnumerable<string> Expansions(SearchQuery query)
    {
        var tokens = query.Tokens;
        for (var start = 0; start < tokens.Count; start++)
        {
            for (var length = 1; length <= 3 && start + length <= tokens.Count; length++)
            {
                if (length == tokens.Count)
                {
                    continue;
                }

                var key = string.Concat(tokens.Skip(start).Take(length));
                if (byKey.TryGetValue(key, out var regions) && regions is [{ Level: > RegionLevel.Country } region])
                {
                    yield return string.Join(' ', tokens.Take(start).Append(SearchText.Normalize(region.Name)).Concat(tokens.Skip(start + length)));
                }
            }
        }
    }

    private IReadOnlyList<Region> LookupCompact(string compactKey) => byKey.TryGetValue(compactKey, out var regions) ? regions : [];

    private static Region[] ParseCodes(string text, RegionCatalog catalog, string source, int lineNumber)
    {
        var regions = new List<Region>();
        foreach (var part in text.Split(','))
        {
            var code = part.Trim();
            if (code.Equals(CountryCode, StringComparison.OrdinalIgnoreCase))
            {
                regions.Add(RegionCatalog.Indonesia);
                continue;
            }

            if (!RegionCodes.TryNormalize(code, out var canonical))
            {
                throw Error(source, lineNumber, $"'{code}' is not a region code");
            }

            var region = catalog.Find(canonical) ?? throw Error(source, lineNumber, $"unknown region code '{canonical}'");
            if (region.Level > RegionLevel.Regency)
            {
                throw Error(source, lineNumber, $"'{canonical}' is a {region.Kind.ToLowerInvariant()}; only provinces and regencies/cities can have short forms");
            }

            regions.Add(region);
        }

        return [.. regions.Distinct()];
    }

    private static FormatException Error(string source, int lineNumber, string message) =>
        new($"{source} line {lineNumber}: {message}.");
}
