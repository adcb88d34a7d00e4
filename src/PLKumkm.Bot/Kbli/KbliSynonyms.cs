namespace PLKumkm.Bot.Kbli;

/// <summary>
/// The everyday words beside the catalogue (<c>Kbli/Data/synonyms.txt</c>): phrases that point to
/// codes, and hint words that lift a family of codes. Format and sources are in the file's header.
/// </summary>
internal sealed class KbliSynonyms
{
    public sealed record Phrase(string Text, IReadOnlyList<string> Stems, IReadOnlyList<string> Codes, int Line);

    public sealed record Hint(string Stem, IReadOnlyList<string> Prefixes, int Line);

    private KbliSynonyms(List<Phrase> phrases, List<Hint> hints)
    {
        Phrases = phrases;
        Hints = hints;
    }

    public IReadOnlyList<Phrase> Phrases { get; }

    public IReadOnlyList<Hint> Hints { get; }

    public static KbliSynonyms LoadEmbedded()
    {
        const string name = "kbli.synonyms.txt";
        using var stream = typeof(KbliSynonyms).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static KbliSynonyms Parse(string text)
    {
        var phrases = new List<Phrase>();
        var hints = new List<Hint>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var isHint = line.Contains('>', StringComparison.Ordinal);
            var parts = line.Split(isHint ? '>' : '=', 2, StringSplitOptions.TrimEntries);
            var codes = parts.Length == 2 ? parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            var stems = KbliWords.Stems(parts[0]);
            if (codes.Length == 0 || stems.Count == 0 || codes.Any(c => !c.All(char.IsAsciiDigit)))
            {
                throw new InvalidDataException($"synonyms.txt line {number}: expected 'words = codes' or 'word > prefixes': {line}");
            }

            // The same words twice would count twice: one line per meaning.
            var key = string.Join(' ', stems.Distinct().Order(StringComparer.Ordinal)) + (isHint ? " >" : "");
            if (!seen.Add(key))
            {
                throw new InvalidDataException($"synonyms.txt line {number}: '{parts[0]}' means the same words as an earlier line.");
            }

            if (isHint)
            {
                hints.Add(new Hint(stems[0], codes, number));
            }
            else
            {
                phrases.Add(new Phrase(parts[0], stems.Distinct().ToList(), codes, number));
            }
        }

        return new KbliSynonyms(phrases, hints);
    }
}
