using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Regions;

public sealed class RegionSearchTests
{
    private static RegionCatalog Catalog => RegionCatalog.Shared;

    private static string[] Codes(IEnumerable<Region> regions) => [.. regions.Select(r => r.Code)];

    [Theory]
    [InlineData("Sukaraya")]
    [InlineData("sukaraya")]
    [InlineData("SUKARAYA")]
    [InlineData("Kel. Sukaraya")]
    [InlineData("kelurahan  sukaraya")]
    [InlineData("sukarya")] // one letter missing
    [InlineData("sukaryaa")] // two letters swapped
    [InlineData("16.01.14.1005")]
    [InlineData("1601141005")]
    public void FindsAVillageInsideItsRegency(string query) =>
        Assert.Equal(["16.01.14.1005"], Codes(Catalog.Search(query, RegionLevel.Village, "16.01")));

    [Fact]
    public void PrefixListsCompletionsInCodeOrder() =>
        Assert.Equal(
            ["16.01.14.1005", "16.01.21.2002", "16.01.28.2012"], // Sukaraya, Sukarami, Sukaraja
            Codes(Catalog.Search("sukar", RegionLevel.Village, "16.01")));

    [Fact]
    public void SeveralExactMatchesComeFirstThenCompletions()
    {
        var found = Catalog.Search("Sukaraya", RegionLevel.Village, "16");
        Assert.Equal(["16.01.14.1005", "16.05.10.2019", "16.05.10.2022"], Codes(found.Take(3))); // then Sukaraya Baru
        Assert.Contains(found.Skip(3), r => r.Name == "Sukaraja"); // typos last
    }

    [Fact]
    public void SpacesDoNotMatterForExactness()
    {
        // "Suka Raya" (12.07.05) and the four "Sukaraya" are all exact; nothing else is returned before them.
        var found = Catalog.Search("sukaraya", RegionLevel.Village);
        Assert.Equal(["12.07.05.2023", "16.01.14.1005", "16.05.10.2019", "32.16.10.2001", "73.22.02.2008"], Codes(found.Take(5)));
    }

    [Theory]
    [InlineData("baturaja timur")]
    [InlineData("Kecamatan Baturaja Timur")]
    [InlineData("Kec. Baturaja-Timur")]
    [InlineData("baturaja timr")]
    [InlineData("baturaja tim")]
    public void FindsADistrict(string query) =>
        Assert.Equal(["16.01.14"], Codes(Catalog.Search(query, RegionLevel.District)));

    [Fact]
    public void TypoNeverSwapsADirectionWord()
    {
        Assert.Equal(["16.01.13"], Codes(Catalog.Search("baturaja barat", RegionLevel.District)));
        Assert.Empty(Catalog.Search("baturaja utara", RegionLevel.District));
    }

    [Fact]
    public void WordPrefixesMatchInOrder() =>
        Assert.Equal(["16.01.14.1011"], Codes(Catalog.Search("kemelak bindung", RegionLevel.Village, "16.01")));

    [Fact]
    public void ApostrophesAreIgnored()
    {
        Assert.Equal(["35.13.15.2017"], Codes(Catalog.Search("Soka'an", RegionLevel.Village)));
        Assert.Equal(["35.13.15.2017"], Codes(Catalog.Search("sokaan", RegionLevel.Village, "35.13")));
    }

    [Fact]
    public void AKindWordCanAlsoBePartOfTheName()
    {
        // "Desa Baru" is a real village name (13.12.07.2002); the literal reading wins over "a desa called Baru".
        var found = Catalog.Search("Desa Baru", RegionLevel.Village, "13.12");
        Assert.Equal("13.12.07.2002", found[0].Code);
        Assert.Equal("Desa Baru", found[0].Name);
    }

    [Fact]
    public void KindWordChoosesBetweenNamesakes()
    {
        Assert.Equal(["32.75"], Codes(Catalog.Search("Kota Bekasi", RegionLevel.Regency)));
        Assert.Equal(["32.16"], Codes(Catalog.Search("Kab. Bekasi", RegionLevel.Regency)));
        Assert.Equal(["32.16", "32.75"], Codes(Catalog.Search("Bekasi", RegionLevel.Regency)));
    }

    [Fact]
    public void FindsProvincesByTheirSourceNameToo()
    {
        Assert.Equal(["34"], Codes(Catalog.Search("Daerah Istimewa Yogyakarta", RegionLevel.Province)));
        Assert.Equal(["34"], Codes(Catalog.Search("D.I. Yogyakarta", RegionLevel.Province)));
    }

    [Fact]
    public void RespectsMaxAndScope()
    {
        Assert.Equal(3, Catalog.Search("sukar", RegionLevel.Village, max: 3).Count);
        var inOki = Catalog.Search("Sukaraya", RegionLevel.Village, "16.02");
        Assert.Equal(["16.02.03.2011", "16.02.08.2016", "16.02.19.2006", "16.02.22.2010"], Codes(inOki)); // Sukaraja ×3, Suka Jaya
        Assert.Empty(Catalog.Search("16.01.14.1005", RegionLevel.District));
        Assert.Empty(Catalog.Search("16.01.14.1005", RegionLevel.Village, "16.02"));
        Assert.Empty(Catalog.Search("", RegionLevel.Village));
        Assert.Empty(Catalog.Search("Narnia", RegionLevel.Regency));
    }

    [Fact]
    public void CountryLevelKnowsOnlyIndonesia()
    {
        Assert.Same(RegionCatalog.Indonesia, Assert.Single(Catalog.Search("INDONESIA", RegionLevel.Country)));
        Assert.Empty(Catalog.Search("Malaysia", RegionLevel.Country));
    }
}
