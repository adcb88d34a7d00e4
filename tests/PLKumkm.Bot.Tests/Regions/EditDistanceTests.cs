using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Regions;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("ogankomeringulu", "ogankomeringulo", 1)]
    [InlineData("sumateraselatan", "sumatraselatan", 1)]
    [InlineData("sukaraya", "sukaryaa", 1)] // adjacent transposition counts once
    [InlineData("palembang", "plaembang", 1)]
    [InlineData("lahat", "lahat", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("ca", "abc", 3)] // optimal string alignment, not unrestricted Damerau
    public void MatchesKnownDistances(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Bounded(a, b, 5));

    [Fact]
    public void StopsAtTheBound() => Assert.Equal(3, EditDistance.Bounded("baturaja", "palembang", 2));

    [Fact]
    public void BandedResultEqualsFullComputationOnRandomPairs()
    {
        var random = new Random(20220912);
        for (var n = 0; n < 5000; n++)
        {
            var a = RandomWord(random);
            var b = random.Next(3) == 0 ? RandomWord(random) : Mutate(a, random);
            var full = Reference(a, b);
            for (var max = 0; max <= 3; max++)
            {
                Assert.Equal(Math.Min(full, max + 1), EditDistance.Bounded(a, b, max));
            }
        }
    }

    private static string RandomWord(Random random) =>
        new([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => "abkru"[random.Next(5)])]);

    private static string Mutate(string word, Random random)
    {
        var chars = word.ToList();
        for (var edits = random.Next(0, 4); edits > 0; edits--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    chars.Insert(at, "abkru"[random.Next(5)]);
                    break;
                case 1 when at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                case 2 when at < chars.Count:
                    chars[at] = "abkru"[random.Next(5)];
                    break;
                case 3 when at + 1 < chars.Count:
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
            }
        }

        return new string([.. chars]);
    }

    // Textbook full-matrix optimal string alignment distance.
    private static int Reference(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
