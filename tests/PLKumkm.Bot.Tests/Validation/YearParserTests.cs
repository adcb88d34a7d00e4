using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Validation;

public sealed class YearParserTests
{
    private const int CurrentYear = 2025;

    [Theory]
    [InlineData("2019", 2019)]
    [InlineData(" 2019 ", 2019)]
    [InlineData("th 2019", 2019)]
    [InlineData("th. 2019", 2019)]
    [InlineData("thn 2019", 2019)]
    [InlineData("thn.2019", 2019)]
    [InlineData("tahun 2019", 2019)]
    [InlineData("Tahun: 2019", 2019)]
    [InlineData("TAHUN 2019", 2019)]
    [InlineData("sejak 2019", 2019)]
    [InlineData("sejak tahun 2019", 2019)]
    [InlineData("mulai th 2019", 2019)]
    [InlineData("2019-an", 2019)]
    [InlineData("2019.", 2019)]
    [InlineData("Maret 2019", 2019)]
    [InlineData("agustus 2019", 2019)]
    [InlineData("12 September 2019", 2019)]
    [InlineData("12/9/2019", 2019)]
    [InlineData("dua ribu sembilan belas", 2019)]
    [InlineData("seribu sembilan ratus sembilan puluh sembilan", 1999)]
    [InlineData("dua ribu lima", 2005)]
    [InlineData("tahun ini", CurrentYear)]
    [InlineData("tahun lalu", CurrentYear - 1)]
    [InlineData("this year", CurrentYear)]
    [InlineData("2025", 2025)]
    [InlineData("1900", 1900)]
    [InlineData("２０１９", 2019)]
    public void ReadsYears(string input, int expected) =>
        Assert.Equal(expected, Expect.Ok(YearParser.Parse(input, CurrentYear)));

    [Theory]
    [InlineData("'19", "2019")]
    [InlineData("19", "2019")]
    [InlineData("th '19", "2019")]
    [InlineData("85", "1985")]
    [InlineData("25", "2025")]
    [InlineData("26", "1926")]
    public void TwoDigitYearsArePolitelyRefusedWithAGuess(string input, string guess)
    {
        var error = Expect.Error(YearParser.Parse(input, CurrentYear));
        Assert.Contains($"Maksud Anda {guess}?", error.Id, StringComparison.Ordinal);
        Assert.Contains("4 angka", error.Id, StringComparison.Ordinal);
        Assert.Contains("4-digit", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026")]
    [InlineData("2030")]
    [InlineData("th 2026")]
    public void FutureYearsAreRefused(string input)
    {
        var error = Expect.Error(YearParser.Parse(input, CurrentYear));
        Assert.Contains("2025 atau sebelumnya", error.Id, StringComparison.Ordinal);
        Assert.Contains("2025 or earlier", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1899", 1900)]
    [InlineData("1000", 1900)]
    [InlineData("1990", 2000)]
    public void YearsBeforeTheMinimumAreRefused(string input, int minYear)
    {
        var error = Expect.Error(YearParser.Parse(input, CurrentYear, minYear));
        Assert.Contains($"{minYear} atau sesudahnya", error.Id, StringComparison.Ordinal);
        Assert.Contains($"{minYear} or later", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20199")]
    [InlineData("201")]
    [InlineData("2")]
    [InlineData("lama")]
    [InlineData("sudah lama")]
    [InlineData("2019 atau 2020")]
    [InlineData("2019/2020")]
    [InlineData("2019 (sebelum covid)")]
    [InlineData("dua ribu sembilan belas orang")]
    public void UnreadableYears(string input)
    {
        var error = Expect.Error(YearParser.Parse(input, CurrentYear));
        Assert.Contains("Contoh: 2022", error.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void ExampleIsInsideTheAllowedYears()
    {
        var error = Expect.Error(YearParser.Parse("x", 2025, minYear: 2024));
        Assert.Contains("Contoh: 2024", error.Id, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Junk.All), MemberType = typeof(Junk))]
    public void RejectsJunk(string input) => Expect.Error(YearParser.Parse(input, CurrentYear));
}
