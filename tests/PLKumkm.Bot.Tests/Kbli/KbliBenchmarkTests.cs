using Xunit.Abstractions;
using PLKumkm.Bot.Kbli;

namespace PLKumkm.Bot.Tests.Kbli;

/// <summary>
/// The lookup against 50 everyday activity phrases (<c>everyday-activities.tsv</c>): the expected code
/// must be among the first three choices for at least 45 of them. The score is also printed (with
/// <c>--logger "console;verbosity=detailed"</c>) with and without the everyday-word list.
/// </summary>
public sealed class KbliBenchmarkTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<(string Phrase, string Code)> Phrases = File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Kbli", "everyday-activities.tsv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t'))
        .Select(p => (p[0], p[1]))
        .ToList();

    [Fact]
    public void TheListHasFiftyPhrasesWithRealCodes()
    {
        Assert.Equal(50, Phrases.Count);
        Assert.Equal(50, Phrases.Select(p => p.Phrase).Distinct().Count());
        Assert.All(Phrases, p => Assert.True(KbliCatalog.Default.Find(p.Code) is { IsLeaf: true }, $"{p.Code} is not a KBLI 2020 kelompok"));
    }

    [Fact]
    public void AtLeast45Of50HaveTheRightCodeInTheFirstThree()
    {
        var hits = Score(KbliSearch.Default, "with the everyday words");
        Assert.True(hits >= 45, $"{hits}/50 in the first three");
    }

    [Fact]
    public void WithoutTheEverydayWordsTheOfficialTextAloneIsReported()
    {
        // Not a goal, a measure: how much the synonym list adds over the BPS titles and descriptions.
        var textOnly = new KbliSearch(KbliCatalog.Default, KbliSynonyms.LoadEmbedded(), useSynonyms: false);
        var hits = Score(textOnly, "official texts only");
        Assert.InRange(hits, 0, 50);
    }

    private int Score(KbliSearch search, string label)
    {
        var first = 0;
        var three = 0;
        foreach (var (phrase, code) in Phrases)
        {
            var found = search.Find(phrase).Select(h => h.Entry.Code).ToList();
            first += found.FirstOrDefault() == code ? 1 : 0;
            three += found.Contains(code) ? 1 : 0;
            if (!found.Contains(code))
            {
                output.WriteLine($"miss ({label}): \"{phrase}\" expected {code}, got {string.Join(", ", found)}");
            }
        }

        output.WriteLine($"{label}: first choice {first}/50, first three {three}/50");
        return three;
    }
}
