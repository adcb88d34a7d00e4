using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Regions;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("  Kab.  Ogan   Komering-Ulu ", "kab ogan komering ulu")]
    [InlineData("Soka\"an", "sokaan")]
    [InlineData("Regapu’u", "regapuu")]
    [InlineData("Tiro/Truseb", "tiro truseb")]
    [InlineData("Misool (Misool Utara)", "misool misool utara")]
    [InlineData("Bêkasi", "bekasi")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    public void Normalizes(string text, string expected) => Assert.Equal(expected, SearchText.Normalize(text));

    [Fact]
    public void ReadingsStripKindWordsOneAtATime()
    {
        var readings = SearchQuery.Readings("Kota Adm. Jakarta Pusat");
        Assert.Equal(["kota adm jakarta pusat", "adm jakarta pusat", "jakarta pusat"], readings.Select(r => r.Text));
        Assert.Equal([null, "Kota", "Kota"], readings.Select(r => r.KindHint));
        Assert.Equal(["pusat"], readings[2].DirectionWords);
    }

    [Fact]
    public void AKindWordAloneIsAName() =>
        Assert.Equal(["kota"], SearchQuery.Readings("Kota").Select(r => r.Text));

    [Fact]
    public void SearchKeyMarksWordsAndLetters()
    {
        var key = SearchKey.FromName("Ogan Komering Ulu Timur");
        Assert.Equal("ogankomeringulutimur", key.Compact);
        Assert.True(key.ContainsWord("timur"));
        Assert.True(key.ContainsWord("ulu"));
        Assert.False(key.ContainsWord("mur"));
        Assert.False(key.ContainsWord("ogank"));
        Assert.True(key.WordsStartWith(["komering", "tim"]));
        Assert.False(key.WordsStartWith(["tim", "komering"]));
        Assert.Equal(0, key.MissingLetters(SearchKey.LettersOf("ogankomeringulutimr")));
        Assert.Equal(1, key.MissingLetters(SearchKey.LettersOf("ogankomeringulutimurx")));
    }

    [Fact]
    public void FastKeyEqualsNormalizedKeyForEveryBundledName()
    {
        var catalog = RegionCatalog.Shared;
        var names = Enumerable.Range(1, 4).SelectMany(level => catalog.All((RegionLevel)level)).Select(r => r.Name)
            .Concat(["D.I. Yogyakarta", "Bêkasi", " leading", "trailing. ", "a--b"]);
        foreach (var name in names)
        {
            Assert.Equal(SearchKey.FromNormalized(SearchText.Normalize(name)), SearchKey.FromName(name));
        }
    }
}
