namespace PLKumkm.Bot.Kbli;

/// <summary>A code found for someone's words, with how well it fits (only comparable within one search).</summary>
internal sealed record KbliHit(KbliEntry Entry, double Score);

/// <summary>
/// Finds the 5-digit KBLI 2020 codes that fit what an owner says they do ("jual gorengan", "bengkel
/// motor"): the everyday-word list first (it knows what the official wording does not say), then the
/// official titles and descriptions, weighted by how rare each word is in the classification.
/// </summary>
internal sealed class KbliSearch
{
    private const double PhraseWeight = 12;
    private const double HintWeight = 2;
    private const double TitleWeight = 2;
    private const double DescriptionWeight = 1;

    private static readonly Lazy<KbliSearch> Shared = new(() => new KbliSearch(KbliCatalog.Default, KbliSynonyms.LoadEmbedded()));

    private readonly KbliCatalog _catalog;
    private readonly KbliSynonyms _synonyms;
    private readonly List<Indexed> _leaves;
    private readonly Dictionary<string, double> _idf;

    public KbliSearch(KbliCatalog catalog, KbliSynonyms synonyms, bool useSynonyms = true)
    {
        _catalog = catalog;
        _synonyms = useSynonyms ? synonyms : KbliSynonyms.Parse("");
        _leaves = catalog.Leaves.Select(e => new Indexed(e, [.. KbliWords.Stems(e.Title)], [.. KbliWords.Stems(e.Description)])).ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in _leaves)
        {
            foreach (var stem in leaf.Title.Union(leaf.Description))
            {
                frequency[stem] = frequency.GetValueOrDefault(stem) + 1;
            }
        }

        _idf = frequency.ToDictionary(p => p.Key, p => Math.Log((double)_leaves.Count / p.Value), StringComparer.Ordinal);
        foreach (var phrase in synonyms.Phrases)
        {
            foreach (var code in phrase.Codes.Where(c => catalog.Find(c) is not { IsLeaf: true }))
            {
                throw new InvalidDataException($"synonyms.txt line {phrase.Line}: {code} is not a 5-digit KBLI 2020 code.");
            }
        }
    }

    public static KbliSearch Default => Shared.Value;

    public KbliSynonyms Synonyms => _synonyms;

    /// <summary>The best codes for <paramref name="words"/>, best first; empty when nothing fits.</summary>
    public IReadOnlyList<KbliHit> Find(string words, int max = 3)
    {
        var query = KbliWords.Stems(words).Distinct().ToList();
        if (query.Count == 0)
        {
            return [];
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var querySet = query.ToHashSet(StringComparer.Ordinal);
        foreach (var phrase in _synonyms.Phrases.Where(p => p.Stems.All(querySet.Contains)))
        {
            for (var i = 0; i < phrase.Codes.Count; i++)
            {
                scores[phrase.Codes[i]] = scores.GetValueOrDefault(phrase.Codes[i]) + PhraseWeight * phrase.Stems.Count * (1 - 0.15 * i);
            }
        }

        var prefixes = _synonyms.Hints.Where(h => querySet.Contains(h.Stem)).SelectMany(h => h.Prefixes).ToList();
        var wantsWholesale = querySet.Overlaps(["grosir", "besar", "distributor"]);
        var wantsGovernment = querySet.Contains("pemerintah");
        foreach (var leaf in _leaves)
        {
            var text = 0.0;
            var matched = 0;
            foreach (var stem in query)
            {
                var idf = _idf.GetValueOrDefault(stem);
                if (leaf.Title.Contains(stem))
                {
                    text += TitleWeight * idf;
                    matched++;
                }
                else if (leaf.Description.Contains(stem))
                {
                    text += DescriptionWeight * idf;
                    matched++;
                }
            }

            var synonym = scores.GetValueOrDefault(leaf.Entry.Code);
            if (matched == 0 && synonym == 0)
            {
                continue;
            }

            // Covering every word of the answer matters more than one rare word.
            var score = synonym + text * matched / query.Count;
            score += HintWeight * prefixes.Count(p => leaf.Entry.Code.StartsWith(p, StringComparison.Ordinal));

            // Owners of small businesses rarely mean wholesale trade or a government body.
            if (!wantsWholesale && leaf.Entry.Code.StartsWith("46", StringComparison.Ordinal))
            {
                score -= 1.5;
            }

            if (!wantsGovernment && leaf.Entry.Title.Contains("Pemerintah", StringComparison.OrdinalIgnoreCase))
            {
                score -= 2;
            }

            scores[leaf.Entry.Code] = score;
        }

        var ranked = scores.Where(p => p.Value > 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        if (ranked.Count == 0)
        {
            return [];
        }

        // Far weaker candidates are noise, not choices.
        var floor = ranked[0].Value * 0.2;
        return ranked.Where(p => p.Value >= floor).Take(max).Select(p => new KbliHit(_catalog.Find(p.Key)!, p.Value)).ToList();
    }

    private sealed record Indexed(KbliEntry Entry, HashSet<string> Title, HashSet<string> Description);
}
