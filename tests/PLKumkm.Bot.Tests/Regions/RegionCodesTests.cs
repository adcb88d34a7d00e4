using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Regions;

public sealed class RegionCodesTests
{
    [Theory]
    [InlineData("16", "16")]
    [InlineData("1601", "16.01")]
    [InlineData("16.01", "16.01")]
    [InlineData(" 16.01 ", "16.01")]
    [InlineData("160107", "16.01.07")]
    [InlineData("1601072001", "16.01.07.2001")]
    [InlineData("16.01.07.2001", "16.01.07.2001")]
    public void NormalizesDottedAndDigitOnlyCodes(string input, string expected)
    {
        Assert.True(RegionCodes.TryNormalize(input, out var code));
        Assert.Equal(expected, code);
        Assert.Equal(expected, RegionCodes.Normalize(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("160")]
    [InlineData("16.1")]
    [InlineData("16.01.7")]
    [InlineData("16.01.07.201")]
    [InlineData("16.01.07.2001.1")]
    [InlineData("16..01")]
    [InlineData("16.01.")]
    [InlineData("16010720011")]
    [InlineData("OKU")]
    [InlineData("16-01")]
    public void RejectsMalformedCodes(string input)
    {
        Assert.False(RegionCodes.TryNormalize(input, out _));
        Assert.Throws<FormatException>(() => RegionCodes.Normalize(input));
    }

    [Fact]
    public void CutsCodesToAncestors()
    {
        Assert.Equal("16", RegionCodes.ProvinceCode("16.01.07.2001"));
        Assert.Equal("16.01", RegionCodes.RegencyCode("16.01.07.2001"));
        Assert.Equal("16.01.07", RegionCodes.DistrictCode("16.01.07.2001"));
        Assert.Equal("16.01", RegionCodes.RegencyCode("1601072001"));
        Assert.Equal("16.01", RegionCodes.RegencyCode("16.01"));
        Assert.Null(RegionCodes.RegencyCode("16"));
        Assert.Null(RegionCodes.DistrictCode("16.01"));
        Assert.Null(RegionCodes.ProvinceCode(RegionCodes.Country));
    }

    [Fact]
    public void KnowsLevelsParentsAndContainment()
    {
        Assert.Equal(RegionLevel.Country, RegionCodes.LevelOf(""));
        Assert.Equal(RegionLevel.Province, RegionCodes.LevelOf("16"));
        Assert.Equal(RegionLevel.Regency, RegionCodes.LevelOf("16.01"));
        Assert.Equal(RegionLevel.District, RegionCodes.LevelOf("16.01.07"));
        Assert.Equal(RegionLevel.Village, RegionCodes.LevelOf("16.01.07.2001"));

        Assert.Equal("16.01.07", RegionCodes.ParentCode("16.01.07.2001"));
        Assert.Equal("", RegionCodes.ParentCode("16"));
        Assert.Null(RegionCodes.ParentCode(""));

        Assert.True(RegionCodes.IsWithin("16.01.07.2001", "16.01"));
        Assert.True(RegionCodes.IsWithin("16.01", "16.01"));
        Assert.True(RegionCodes.IsWithin("16.01", ""));
        Assert.False(RegionCodes.IsWithin("16.10", "16.1"));
        Assert.False(RegionCodes.IsWithin("16.02.01", "16.01"));
    }

    [Fact]
    public void ValidatesOnlyCanonicalShape()
    {
        Assert.True(RegionCodes.IsValid("16.01.07.2001"));
        Assert.False(RegionCodes.IsValid("1601"));
        Assert.False(RegionCodes.IsValid(""));
        Assert.False(RegionCodes.IsValid(null));
    }

    [Fact]
    public void CompactsForRegistrationNumbers() => Assert.Equal("1601", RegionCodes.Compact("16.01"));
}
