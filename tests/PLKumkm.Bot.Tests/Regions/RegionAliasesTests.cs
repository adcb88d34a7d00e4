using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Regions;

public sealed class RegionAliasesTests
{
    private static RegionCatalog Catalog => RegionCatalog.Shared;

    [Fact]
    public void ParsesNamesCodesAndComments()
    {
        var aliases = RegionAliases.Parse(
            """
            # comment line
            OKU = 16.01   # trailing comment
            Muara Enim, Muaraenim = 1603

            Bekasi Raya = 32.16, 32.75
            Seluruh Negeri = ID
            """,
            Catalog);

        Assert.Equal("16.01", Assert.Single(aliases.Lookup("oku")).Code);
        Assert.Equal("16.03", Assert.Single(aliases.Lookup("MUARA-ENIM")).Code);
        Assert.Equal(["32.16", "32.75"], aliases.Lookup("bekasi raya").Select(r => r.Code));
        Assert.Same(RegionCatalog.Indonesia, Assert.Single(aliases.Lookup("seluruh negeri")));
        Assert.Empty(aliases.Lookup("OKI"));
        Assert.Equal(4, aliases.Count);
    }

    [Theory]
    [InlineData("OKU = 16.01\nXYZ = 16.99", "line 2", "unknown region code '16.99'")]
    [InlineData("# header\n\nOKU 16.01", "line 3", "expected 'short form = code'")]
    [InlineData("OKU = sixteen", "line 1", "'sixteen' is not a region code")]
    [InlineData("Baturaja Timur = 16.01.14", "line 1", "only provinces and regencies/cities")]
    [InlineData(" = 16.01", "line 1", "empty short form")]
    [InlineData("OKU = 16.01\nOKU = 16.02", "line 2", "already means Kabupaten Ogan Komering Ulu (line 1)")]
    public void RejectsBadLinesWithTheirLineNumber(string text, string line, string reason)
    {
        var error = Assert.Throws<FormatException>(() => RegionAliases.Parse(text, Catalog, "aliases.txt"));
        Assert.Contains($"aliases.txt {line}:", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void RepeatingTheSameMeaningIsAllowed()
    {
        var aliases = RegionAliases.Parse("OKU = 16.01\noku = 16.01", Catalog);
        Assert.Equal(1, aliases.Count);
    }

    [Fact]
    public void EmbeddedFileLoadsAndCoversSouthSumatra()
    {
        var aliases = RegionAliases.LoadEmbedded(Catalog);
        Assert.True(aliases.Count > 100);
        Assert.Equal("16.08", Assert.Single(aliases.Lookup("OKUT")).Code);
        Assert.Equal("16.13", Assert.Single(aliases.Lookup("Muratara")).Code);
        Assert.Same(RegionCatalog.Indonesia, Assert.Single(aliases.Lookup("nasional")));
    }
}
