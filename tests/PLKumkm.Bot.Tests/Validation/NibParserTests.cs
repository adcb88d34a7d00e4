using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Validation;

public sealed class NibParserTests
{
    [Theory]
    [InlineData("9120001234567")]
    [InlineData(" 9120001234567 ")]
    [InlineData("912 000 123 4567")]
    [InlineData("9120.0012.34567")]
    [InlineData("9120-0012-34567")]
    [InlineData("NIB: 9120001234567")]
    [InlineData("nib 9120001234567")]
    [InlineData("No. NIB 9120001234567")]
    [InlineData("９１２０００１２３４５６７")]
    public void ReadsThirteenDigits(string input) =>
        Assert.Equal("9120001234567", Expect.Ok(NibParser.Parse(input)));

    [Theory]
    [InlineData("912000123456", 12)]
    [InlineData("91200012345678", 14)]
    [InlineData("9120", 4)]
    [InlineData("12345", 5)]
    [InlineData("1", 1)]
    [InlineData("NIB: 912 000 123 456", 12)]
    public void SaysHowManyDigitsWereWritten(string input, int count)
    {
        var error = Expect.Error(NibParser.Parse(input));
        Assert.Contains($"13 angka, Anda menulis {count}", error.Id, StringComparison.Ordinal);
        Assert.Contains($"you wrote {count}", error.En, StringComparison.Ordinal);
        Assert.Contains(NibParser.Example, error.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void RecognisesANikOrNpwpGivenByMistake()
    {
        Assert.Contains("NIK", Expect.Error(NibParser.Parse("1601071205850001")).Id, StringComparison.Ordinal);
        Assert.Contains("NPWP", Expect.Error(NibParser.Parse("01.234.567.8-901.000")).Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000000000000")]
    [InlineData("1111111111111")]
    public void RejectsAllSameDigits(string input) =>
        Assert.Contains("semua angkanya sama", Expect.Error(NibParser.Parse(input)).Id, StringComparison.Ordinal);

    [Theory]
    [InlineData("91200O1234567")]
    [InlineData("9120001234567 😀")]
    [InlineData("9120001234567/9120001234568")]
    [InlineData("belum punya")]
    public void LettersAndSymbolsAreRefused(string input) =>
        Assert.Contains("hanya berisi angka", Expect.Error(NibParser.Parse(input)).Id, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Junk.All), MemberType = typeof(Junk))]
    public void RejectsJunk(string input) => Expect.Error(NibParser.Parse(input));
}
