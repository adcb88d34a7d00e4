using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Regions;

public sealed class RegionResolverTests
{
    private static RegionResolver Resolver => RegionResolver.Shared;

    private static string FoundCode(string text)
    {
        var resolution = Resolver.Resolve(text);
        var found = Assert.IsType<RegionResolution.Found>(resolution);
        return found.Region.Code;
    }

    private static string[] CandidateCodes(string text)
    {
        var ambiguous = Assert.IsType<RegionResolution.Ambiguous>(Resolver.Resolve(text));
        return [.. ambiguous.Candidates.Select(r => r.Code)];
    }

    [Theory]
    [InlineData("OKU", "16.01")]
    [InlineData("oku", "16.01")]
    [InlineData("Ogan Komering Ulu", "16.01")]
    [InlineData("OGAN komering ULU", "16.01")]
    [InlineData("Kab. Ogan Komering Ulu", "16.01")]
    [InlineData("Kabupaten Ogan Komering Ulu", "16.01")]
    [InlineData("kab ogan komering ulu", "16.01")]
    [InlineData("ogan komering ulo", "16.01")]
    [InlineData("16.01", "16.01")]
    [InlineData("1601", "16.01")]
    [InlineData("OKI", "16.02")]
    [InlineData("Ogan Komering Ilir", "16.02")]
    [InlineData("Muara Enim", "16.03")]
    [InlineData("Muaraenim", "16.03")]
    [InlineData("Lahat", "16.04")]
    [InlineData("Mura", "16.05")]
    [InlineData("Musi Rawas", "16.05")]
    [InlineData("Muba", "16.06")]
    [InlineData("Banyuasin", "16.07")]
    [InlineData("OKUT", "16.08")]
    [InlineData("OKU Timur", "16.08")]
    [InlineData("oku timur", "16.08")]
    [InlineData("Kab. OKU Timur", "16.08")]
    [InlineData("Ogan Komering Ulu Timur", "16.08")]
    [InlineData("OKUS", "16.09")]
    [InlineData("OKU Selatan", "16.09")]
    [InlineData("Ogan Komering Ulu Selatan", "16.09")]
    [InlineData("OI", "16.10")]
    [InlineData("Ogan Ilir", "16.10")]
    [InlineData("Empat Lawang", "16.11")]
    [InlineData("PALI", "16.12")]
    [InlineData("Penukal Abab Lematang Ilir", "16.12")]
    [InlineData("Muratara", "16.13")]
    [InlineData("Musi Rawas Utara", "16.13")]
    [InlineData("Palembang", "16.71")]
    [InlineData("Kota Palembang", "16.71")]
    [InlineData("Pagar Alam", "16.72")]
    [InlineData("Pagaralam", "16.72")]
    [InlineData("Lubuk Linggau", "16.73")]
    [InlineData("Lubuklinggau", "16.73")]
    [InlineData("Prabumulih", "16.74")]
    public void ResolvesSouthSumatraRegencies(string text, string code) => Assert.Equal(code, FoundCode(text));

    [Theory]
    [InlineData("Sumsel", "16")]
    [InlineData("SUMSEL", "16")]
    [InlineData("sumatera selatan", "16")]
    [InlineData("Provinsi Sumatera Selatan", "16")]
    [InlineData("Prov. Sumsel", "16")]
    [InlineData("sumatra selatan", "16")]
    [InlineData("sumatera selatn", "16")]
    [InlineData("16", "16")]
    [InlineData("Aceh", "11")]
    [InlineData("NAD", "11")]
    [InlineData("Sumut", "12")]
    [InlineData("Sumbar", "13")]
    [InlineData("Riau", "14")]
    [InlineData("Babel", "19")]
    [InlineData("Kepri", "21")]
    [InlineData("DKI", "31")]
    [InlineData("Jakarta", "31")]
    [InlineData("DKI Jakarta", "31")]
    [InlineData("Jabar", "32")]
    [InlineData("Jateng", "33")]
    [InlineData("DIY", "34")]
    [InlineData("Jogja", "34")]
    [InlineData("Yogya", "34")]
    [InlineData("Daerah Istimewa Yogyakarta", "34")]
    [InlineData("Jatim", "35")]
    [InlineData("NTB", "52")]
    [InlineData("NTT", "53")]
    [InlineData("Kalbar", "61")]
    [InlineData("Kaltim", "64")]
    [InlineData("kalimantan tmur", "64")]
    [InlineData("Kaltara", "65")]
    [InlineData("Sulsel", "73")]
    [InlineData("Malut", "82")]
    [InlineData("Papua", "91")]
    [InlineData("Pabar", "92")]
    [InlineData("Papua Barat", "92")]
    [InlineData("Papua Barat Daya", "96")]
    [InlineData("Papua Pegunungan", "95")]
    public void ResolvesProvinces(string text, string code) => Assert.Equal(code, FoundCode(text));

    [Theory]
    [InlineData("Jaksel", "31.74")]
    [InlineData("Jakarta Selatan", "31.74")]
    [InlineData("Jakpus", "31.71")]
    [InlineData("Kota Administrasi Jakarta Pusat", "31.71")]
    [InlineData("Kepulauan Seribu", "31.01")]
    [InlineData("Tangsel", "36.74")]
    [InlineData("Solo", "33.72")]
    [InlineData("Kota Bekasi", "32.75")]
    [InlineData("Kab. Bekasi", "32.16")]
    [InlineData("Provinsi Jambi", "15")]
    [InlineData("Kota Jambi", "15.71")]
    [InlineData("Provinsi Bengkulu", "17")]
    [InlineData("Tojo Una-Una", "72.09")]
    [InlineData("Fakfak", "92.03")]
    public void ResolvesElsewhere(string text, string code) => Assert.Equal(code, FoundCode(text));

    [Theory]
    [InlineData("OKU Timur")]
    [InlineData("oku timur")]
    [InlineData("OKUT")]
    [InlineData("OKU-T")]
    [InlineData("Ogan Komering Ulu Timur")]
    [InlineData("ogan komering ulu timr")]
    [InlineData("Kab OKU Timur")]
    [InlineData("OKU Selatan")]
    [InlineData("OKUS")]
    [InlineData("Ogan Komering Ulu Selatan")]
    [InlineData("OKU Slatan")]
    public void NearMissesOfOkuNeverResolveToOku(string text)
    {
        var resolution = Resolver.Resolve(text);
        Assert.DoesNotContain(Regions(resolution), r => r.Code == "16.01");
        Assert.IsType<RegionResolution.Found>(resolution);
    }

    [Fact]
    public void DirectionWordsAreNeverTypoedAway()
    {
        // No South Sumatra regency is "Ogan Komering Ulu Utara": nothing, rather than OKU or OKU Timur.
        Assert.IsType<RegionResolution.NotFound>(Resolver.Resolve("Ogan Komering Ulu Utara"));
        Assert.Equal("16.05", FoundCode("musi rawaz"));
        Assert.Equal("16.13", FoundCode("musi rawas utra"));
    }

    [Fact]
    public void CountryByNameOrWord()
    {
        Assert.Same(RegionCatalog.Indonesia, Assert.IsType<RegionResolution.Found>(Resolver.Resolve("Indonesia")).Region);
        Assert.Same(RegionCatalog.Indonesia, Assert.IsType<RegionResolution.Found>(Resolver.Resolve("nasional")).Region);
        Assert.Same(RegionCatalog.Indonesia, Assert.IsType<RegionResolution.Found>(Resolver.Resolve("  INDONESIA ")).Region);
    }

    [Fact]
    public void NamesakesWithoutAKindAreAmbiguous()
    {
        Assert.Equal(["32.16", "32.75"], CandidateCodes("Bekasi"));
        Assert.Equal(["15", "15.71"], CandidateCodes("Jambi"));
        Assert.Equal(["17", "17.71"], CandidateCodes("bengkulu"));
        Assert.Equal(["75", "75.01", "75.71"], CandidateCodes("Gorontalo"));
        Assert.Equal(["34", "34.71"], CandidateCodes("Yogyakarta"));
    }

    [Fact]
    public void PartialNamesListTheCandidates()
    {
        Assert.Equal(["16.01", "16.02", "16.08", "16.09", "16.10"], CandidateCodes("Ogan"));
        Assert.Equal(["16.01", "16.02", "16.08", "16.09"], CandidateCodes("ogan komering"));
        Assert.Equal(["16.05", "16.06", "16.13"], CandidateCodes("Musi"));
        Assert.Equal(["16.05", "16.13"], CandidateCodes("musi rawa"));
        Assert.Equal(["12", "13", "16"], CandidateCodes("Sumatera"));
    }

    [Fact]
    public void AmbiguityIsCappedAtEight() =>
        Assert.Equal(RegionResolver.MaxCandidates, CandidateCodes("timur").Length);

    [Fact]
    public void AUniqueCompletionIsFound()
    {
        Assert.Equal("16.74", FoundCode("Prabu"));
        Assert.Equal("16.08", FoundCode("ogan timur"));
    }

    [Fact]
    public void AKindThatDoesNotExistFallsBackToTheName() => Assert.Equal("16.04", FoundCode("Kota Lahat"));

    [Theory]
    [InlineData("Narnia")]
    [InlineData("xyz")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("16.99")]
    [InlineData("16.01.14")] // districts are not progress regions
    [InlineData("Baturaja")] // a real district, not a typo of Batu Bara
    public void UnknownTextIsNotFound(string text)
    {
        var notFound = Assert.IsType<RegionResolution.NotFound>(Resolver.Resolve(text));
        Assert.Equal(text, notFound.Text);
    }

    [Fact]
    public void CustomAliasesAreUsed()
    {
        var aliases = RegionAliases.Parse("Bumi Sriwijaya = 16", RegionCatalog.Shared);
        var resolver = new RegionResolver(RegionCatalog.Shared, aliases);
        Assert.Equal("16", Assert.IsType<RegionResolution.Found>(resolver.Resolve("bumi sriwijaya")).Region.Code);
        // Without the embedded file, short forms are unknown but names still work.
        Assert.IsType<RegionResolution.NotFound>(resolver.Resolve("OKUT"));
        Assert.Equal("16.08", Assert.IsType<RegionResolution.Found>(resolver.Resolve("Ogan Komering Ulu Timur")).Region.Code);
    }

    private static IEnumerable<Region> Regions(RegionResolution resolution) => resolution switch
    {
        RegionResolution.Found found => [found.Region],
        RegionResolution.Ambiguous ambiguous => ambiguous.Candidates,
        _ => [],
    };
}
