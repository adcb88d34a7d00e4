using System.Collections.Frozen;

namespace PLKumkm.Bot.Regions;

/// <summary>
/// One way to read what a person typed, prepared once so that scanning thousands of names
/// allocates nothing per name.
/// </summary>
internal sealed class SearchQuery
{
    // Leading words that name a kind rather than a place. The value is the kind they ask for
    // (null: a qualifier that keeps whatever kind came before, as in "Kota Administrasi").
    private static readonly FrozenDictionary<string, string?> KindWords = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["provinsi"] = "Provinsi",
        ["propinsi"] = "Provinsi",
        ["prov"] = "Provinsi",
        ["prop"] = "Provinsi",
        ["kabupaten"] = "Kabupaten",
        ["kab"] = "Kabupaten",
        ["kota"] = "Kota",
        ["kotamadya"] = "Kota",
        ["kodya"] = "Kota",
        ["kecamatan"] = "Kecamatan",
        ["kec"] = "Kecamatan",
        ["distrik"] = "Kecamatan",
        ["desa"] = "Desa",
        ["kelurahan"] = "Kelurahan",
        ["kel"] = "Kelurahan",
        ["administrasi"] = null,
        ["adm"] = null,
        ["adat"] = null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private SearchQuery(string text, string? kindHint)
    {
        Text = text;
        Compact = SearchText.Compact(text);
        Letters = SearchKey.LettersOf(Compact);
        Tokens = text.Length == 0 ? [] : text.Split(' ');
        DirectionWords = [.. Tokens.Where(SearchText.DirectionWords.Contains).Distinct(StringComparer.Ordinal)];
        KindHint = kindHint;
        // Short names are too close to each other for typos: OKU/OKI, Muna/Buna, Bima/Sigi.
        TypoBudget = Compact.Length switch
        {
            <= 3 => 0,
            <= 9 => 1,
            _ => 2,
        };
    }

    /// <summary>Normalised text (see <see cref="SearchText.Normalize"/>).</summary>
    public string Text { get; }

    /// <summary><see cref="Text"/> without spaces.</summary>
    public string Compact { get; }

    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Letter mask of <see cref="Compact"/> (see <see cref="SearchKey.Letters"/>).</summary>
    public ulong Letters { get; }

    /// <summary>Direction words the query contains; a matching name must contain each of them.</summary>
    public IReadOnlyList<string> DirectionWords { get; }

    /// <summary>Kind the person named (<c>Kota</c> in "Kota Bekasi"), or null.</summary>
    public string? KindHint { get; }

    /// <summary>Edits forgiven by typo matching.</summary>
    public int TypoBudget { get; }

    /// <summary>Prefix completion on one or two letters lists half the country; not useful.</summary>
    public bool AllowsPrefix => Compact.Length >= 3;

    /// <summary>True when <paramref name="kind"/> agrees with the kind the person named (or none was named).</summary>
    public bool KindAgrees(string kind) => KindHint is null || kind.StartsWith(KindHint, StringComparison.Ordinal);

    public static SearchQuery FromNormalized(string normalized, string? kindHint = null) => new(normalized, kindHint);

    /// <summary>
    /// The literal reading first, then one reading per leading kind word removed: "desa baru" is both
    /// the village called "Desa Baru" and a desa called "Baru"; "Kota Administrasi Jakarta Pusat" ends
    /// as "jakarta pusat" with kind hint Kota.
    /// </summary>
    public static IReadOnlyList<SearchQuery> Readings(string text)
    {
        var normalized = SearchText.Normalize(text);
        if (normalized.Length == 0)
        {
            return [];
        }

        var readings = new List<SearchQuery> { new(normalized, null) };
        string? hint = null;
        var rest = normalized;
        while (true)
        {
            var space = rest.IndexOf(' ');
            if (space < 0 || !KindWords.TryGetValue(rest[..space], out var kind))
            {
                break;
            }

            hint ??= kind;
            rest = rest[(space + 1)..];
            readings.Add(new SearchQuery(rest, hint));
        }

        return readings;
    }
}
