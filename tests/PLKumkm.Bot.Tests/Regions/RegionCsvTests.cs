using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Regions;

public sealed class RegionCsvTests
{
    [Fact]
    public void SplitsPlainRows() =>
        Assert.Equal(["16.01", "16", "KABUPATEN OGAN KOMERING ULU"], Split("16.01,16,KABUPATEN OGAN KOMERING ULU"));

    [Fact]
    public void HonoursQuotedFields() =>
        Assert.Equal(["16.01", "16", "Kota \"Baru\", Ilir"], Split("16.01,\"16\",\"Kota \"\"Baru\"\", Ilir\""));

    [Fact]
    public void LastFieldKeepsStrayCommasAndInnerQuotes()
    {
        Assert.Equal(["35.13.15.2017", "35.13.15", "Soka\"an"], Split("35.13.15.2017,35.13.15,Soka\"an"));
        Assert.Equal(["1", "2", "a, b"], Split("1,2,a, b"));
    }

    private static string[] Split(string line) => RegionCsv.Split(line, 3) ?? throw new Xunit.Sdk.XunitException($"not split: {line}");

    [Theory]
    [InlineData("16.01,16")]
    [InlineData("16.01,\"16,KOTA")]
    [InlineData("16.01,\"16\"x,KOTA")]
    public void RejectsShortOrBrokenRows(string line) => Assert.Null(RegionCsv.Split(line, 3));

    [Fact]
    public void RegionContainsItsDescendants()
    {
        var oku = RegionCatalog.Shared.Find("16.01")!;
        Assert.True(oku.Contains("16.01.14.1005"));
        Assert.True(oku.Contains("16.01"));
        Assert.False(oku.Contains("16.02.01"));
        Assert.True(RegionCatalog.Indonesia.Contains("96"));
    }
}
