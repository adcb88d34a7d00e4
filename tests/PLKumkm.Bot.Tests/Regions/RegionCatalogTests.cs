using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Regions;

public sealed class RegionCatalogTests
{
    private static RegionCatalog Catalog => RegionCatalog.Shared;

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 38)]
    [InlineData(2, 514)]
    [InlineData(3, 7277)]
    [InlineData(4, 83763)]
    public void LoadsEveryRegion(int levelNumber, int count)
    {
        var level = (RegionLevel)levelNumber;
        Assert.Equal(count, Catalog.Count(level));
        Assert.Equal(count, Catalog.All(level).Count);
    }

    [Fact]
    public void LoadEmbeddedBuildsAFreshEqualCatalog()
    {
        var fresh = RegionCatalog.LoadEmbedded();
        Assert.NotSame(RegionCatalog.Shared, fresh);
        Assert.Equal(Catalog.Find("16.01.07.2001"), fresh.Find("16.01.07.2001"));
    }

    [Theory]
    [InlineData("16", "Sumatera Selatan", "Provinsi", "Provinsi Sumatera Selatan")]
    [InlineData("16.01", "Ogan Komering Ulu", "Kabupaten", "Kabupaten Ogan Komering Ulu")]
    [InlineData("16.08", "Ogan Komering Ulu Timur", "Kabupaten", "Kabupaten Ogan Komering Ulu Timur")]
    [InlineData("16.71", "Palembang", "Kota", "Kota Palembang")]
    [InlineData("16.01.14", "Baturaja Timur", "Kecamatan", "Kecamatan Baturaja Timur")]
    [InlineData("31", "DKI Jakarta", "Provinsi", "Provinsi DKI Jakarta")]
    [InlineData("34", "DI Yogyakarta", "Provinsi", "Provinsi DI Yogyakarta")]
    [InlineData("19", "Kepulauan Bangka Belitung", "Provinsi", "Provinsi Kepulauan Bangka Belitung")]
    [InlineData("96", "Papua Barat Daya", "Provinsi", "Provinsi Papua Barat Daya")]
    [InlineData("31.01", "Kepulauan Seribu", "Kabupaten Administrasi", "Kabupaten Administrasi Kepulauan Seribu")]
    [InlineData("31.71", "Jakarta Pusat", "Kota Administrasi", "Kota Administrasi Jakarta Pusat")]
    [InlineData("73.10", "Pangkajene dan Kepulauan", "Kabupaten", "Kabupaten Pangkajene dan Kepulauan")]
    [InlineData("13.01.07", "Koto XI Tarusan", "Kecamatan", "Kecamatan Koto XI Tarusan")]
    public void NamesRegionsInTitleCaseWithKind(string code, string name, string kind, string fullName)
    {
        var region = Catalog.Find(code);
        Assert.NotNull(region);
        Assert.Equal(name, region.Name);
        Assert.Equal(kind, region.Kind);
        Assert.Equal(fullName, region.FullName);
    }

    [Theory]
    [InlineData("16.01.14.1005", "Kelurahan", "Sukaraya")]
    [InlineData("16.01.07.2001", "Desa", "Negeri Sindang")]
    [InlineData("91.03.01.3007", "Desa Adat", "Yoboi")]
    [InlineData("35.13.15.2017", "Desa", "Soka'an")]
    public void VillageKindFollowsTheCode(string code, string kind, string name)
    {
        var village = Catalog.Find(code)!;
        Assert.Equal(RegionLevel.Village, village.Level);
        Assert.Equal(kind, village.Kind);
        Assert.Equal(name, village.Name);
        Assert.Equal(RegionCodes.DistrictCode(code), village.ParentCode);
    }

    [Fact]
    public void IndonesiaIsTheRootRegion()
    {
        var indonesia = Catalog.Find("");
        Assert.Same(RegionCatalog.Indonesia, indonesia);
        Assert.Equal("Indonesia", indonesia!.FullName);
        Assert.Equal(RegionLevel.Country, indonesia.Level);
        Assert.Null(indonesia.ParentCode);
        Assert.Equal("", Catalog.Find("16")!.ParentCode);
        Assert.Equal("16", Catalog.Find("16.01")!.ParentCode);
    }

    [Fact]
    public void FindAcceptsDigitOnlyCodesAndRejectsUnknownOnes()
    {
        Assert.Equal("16.01", Catalog.Find("1601")!.Code);
        Assert.Null(Catalog.Find("16.99"));
        Assert.Null(Catalog.Find("OKU"));
        Assert.Null(Catalog.Find("97"));
    }

    [Fact]
    public void ChildrenOfNothingAreTheProvinces()
    {
        var provinces = Catalog.ChildrenOf(null);
        Assert.Equal(38, provinces.Count);
        Assert.Equal("11", provinces[0].Code);
        Assert.Equal("96", provinces[^1].Code);
        Assert.Equal(provinces, Catalog.ChildrenOf(""));
    }

    [Fact]
    public void ChildrenOfSouthSumatraAreItsSeventeenRegenciesInCodeOrder()
    {
        var regencies = Catalog.ChildrenOf("16");
        Assert.Equal(17, regencies.Count);
        Assert.Equal(
            ["16.01", "16.02", "16.03", "16.04", "16.05", "16.06", "16.07", "16.08", "16.09", "16.10", "16.11", "16.12", "16.13", "16.71", "16.72", "16.73", "16.74"],
            regencies.Select(r => r.Code));
        Assert.All(regencies, r => Assert.Equal("16", r.ParentCode));
    }

    [Fact]
    public void ChildrenOfDistrictsAndVillages()
    {
        Assert.Equal(13, Catalog.ChildrenOf("16.01").Count);
        var villages = Catalog.ChildrenOf("16.01.14");
        Assert.Equal(13, villages.Count);
        Assert.Equal("Baturaja Lama", villages[0].Name);
        Assert.Equal("Terusan", villages[^1].Name);
        Assert.Empty(Catalog.ChildrenOf("16.01.14.1005"));
        Assert.Empty(Catalog.ChildrenOf("16.99"));
    }

    [Fact]
    public void NavigatesUpTheTree()
    {
        const string sukaraya = "16.01.14.1005";
        Assert.Equal("16", Catalog.ProvinceOf(sukaraya)!.Code);
        Assert.Equal("Kabupaten Ogan Komering Ulu", Catalog.RegencyOf(sukaraya)!.FullName);
        Assert.Equal("Baturaja Timur", Catalog.DistrictOf(sukaraya)!.Name);
        Assert.Equal(["16", "16.01", "16.01.14"], Catalog.Ancestors(sukaraya).Select(r => r.Code));
        Assert.Empty(Catalog.Ancestors("16"));
        Assert.Null(Catalog.RegencyOf("16"));
        Assert.Equal(
            "Kelurahan Sukaraya, Kecamatan Baturaja Timur, Kabupaten Ogan Komering Ulu, Provinsi Sumatera Selatan",
            Catalog.Describe(sukaraya));
        Assert.Equal("Indonesia", Catalog.Describe(""));
        Assert.Null(Catalog.Describe("16.99"));
    }

    [Fact]
    public void AnswersExistenceForValidators()
    {
        IRegionLookup lookup = Catalog;
        Assert.True(lookup.ProvinceExists("16"));
        Assert.False(lookup.ProvinceExists("97"));
        Assert.False(lookup.ProvinceExists("16.01"));
        Assert.True(lookup.RegencyExists("16.01"));
        Assert.True(lookup.RegencyExists("1601"));
        Assert.False(lookup.RegencyExists("16.99"));
        Assert.False(lookup.RegencyExists("16"));
    }

    [Theory]
    [InlineData("16.71", "WIB", 7)] // Palembang
    [InlineData("16.01.14.1005", "WIB", 7)]
    [InlineData("21", "WIB", 7)] // Kepulauan Riau
    [InlineData("62", "WIB", 7)] // Kalimantan Tengah
    [InlineData("63", "WITA", 8)] // Kalimantan Selatan
    [InlineData("51.71", "WITA", 8)] // Denpasar
    [InlineData("73.71", "WITA", 8)] // Makassar
    [InlineData("81.71", "WIT", 9)] // Ambon
    [InlineData("91.71", "WIT", 9)] // Jayapura
    [InlineData("96", "WIT", 9)]
    [InlineData("", "WIB", 7)]
    public void TimeZoneFollowsTheProvince(string code, string abbreviation, int hours)
    {
        Assert.Equal(abbreviation, Catalog.TimeZoneAbbreviation(code));
        var zone = Catalog.TimeZoneOf(code);
        Assert.Equal(TimeSpan.FromHours(hours), zone.GetUtcOffset(new DateTimeOffset(2022, 9, 12, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TimeZonesUseIanaIds()
    {
        Assert.Equal("Asia/Jakarta", Catalog.TimeZoneOf("16.71").Id);
        Assert.Equal("Asia/Makassar", Catalog.TimeZoneOf("73.71").Id);
        Assert.Equal("Asia/Jayapura", Catalog.TimeZoneOf("91.71").Id);
    }

    [Fact]
    public void TimeZoneOfUnknownRegionThrows() => Assert.Throws<ArgumentException>(() => Catalog.TimeZoneOf("97"));
}
