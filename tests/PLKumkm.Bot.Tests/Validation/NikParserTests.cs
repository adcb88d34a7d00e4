using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Validation;

public sealed class NikParserTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly FakeRegions Regions = new();

    [Theory]
    [InlineData("1601071205850001")]
    [InlineData(" 1601071205850001 ")]
    [InlineData("1601 0712 0585 0001")]
    [InlineData("16.01.07.120585.0001")]
    [InlineData("1601-0712-0585-0001")]
    [InlineData("16 01 07 12 05 85 0001")]
    [InlineData("NIK: 1601071205850001")]
    [InlineData("nik 1601071205850001")]
    [InlineData("NIK:1601071205850001")]
    [InlineData("No. NIK: 1601071205850001")]
    [InlineData("NIK KTP: 1601071205850001")]
    [InlineData("１６０１０７１２０５８５０００１")]
    [InlineData("1601071205850001\n")]
    [InlineData("1601\u00A00712\u00A00585\u00A00001")]
    [InlineData("1601–0712–0585–0001")]
    public void ReadsTheSameNikHoweverItIsWritten(string input)
    {
        var nik = Expect.Ok(NikParser.Parse(input, Regions, Today));
        Assert.Equal("1601071205850001", nik.Digits);
        Assert.Equal(new DateOnly(1985, 5, 12), nik.BirthDate);
        Assert.False(nik.IsFemale);
        Assert.Equal("16", nik.ProvinceCode);
        Assert.Equal("16.01", nik.RegencyCode);
        Assert.Equal("1601********0001", nik.Masked);
        Assert.Null(NikParser.Parse(input, Regions, Today).Warning);
    }

    [Theory]
    [InlineData("1601075205850002", 1985, 5, 12, true)]
    [InlineData("1601071205850002", 1985, 5, 12, false)]
    [InlineData("3171014101230001", 2023, 1, 1, true)]
    [InlineData("3171010101000001", 2000, 1, 1, false)]
    [InlineData("1601077101900001", 1990, 1, 31, true)]
    [InlineData("1601073101900001", 1990, 1, 31, false)]
    [InlineData("1601072902000001", 2000, 2, 29, false)]
    [InlineData("1601076902000003", 2000, 2, 29, true)]
    [InlineData("1601070105250001", 2025, 5, 1, false)]
    [InlineData("1601070106250001", 2025, 6, 1, false)]
    [InlineData("1601070206250001", 1925, 6, 2, false)]
    [InlineData("1601070207250001", 1925, 7, 2, false)]
    [InlineData("1601073112990009", 1999, 12, 31, false)]
    [InlineData("1601074101500001", 1950, 1, 1, true)]
    public void BirthDateSexAndCentury(string input, int year, int month, int day, bool female)
    {
        var nik = Expect.Ok(NikParser.Parse(input, Regions, Today));
        Assert.Equal(new DateOnly(year, month, day), nik.BirthDate);
        Assert.Equal(female, nik.IsFemale);
    }

    [Fact]
    public void TwoArgumentOverloadUsesTodayAndNeverReturnsAFutureBirthDate()
    {
        var nik = Expect.Ok(NikParser.Parse("1601070101010001"));
        Assert.Equal(new DateOnly(2001, 1, 1), nik.BirthDate);
        var old = Expect.Ok(NikParser.Parse("1601073112990001", null));
        Assert.Equal(new DateOnly(1999, 12, 31), old.BirthDate);
        Assert.True(Expect.Ok(NikParser.Parse("1601073112980001")).BirthDate <= DateOnly.FromDateTime(DateTime.UtcNow));
    }

    [Theory]
    [InlineData("1601 2345 6789 0001", "456789")]
    [InlineData("1601070013850001", "001385")]
    [InlineData("1601070000850001", "000085")]
    [InlineData("1601073501900001", "350190")]
    [InlineData("1601074001900001", "400190")]
    [InlineData("1601077201900001", "720190")]
    [InlineData("1601073002900001", "300290")]
    [InlineData("1601072902010001", "290201")]
    [InlineData("1601073104900001", "310490")]
    public void RejectsBirthDatesThatDoNotExist(string input, string birthDigits)
    {
        var error = Expect.Error(NikParser.Parse(input, Regions, Today));
        Assert.Contains(birthDigits, error.Id, StringComparison.Ordinal);
        Assert.Contains("tanggal lahir", error.Id, StringComparison.Ordinal);
        Assert.Contains("birth date", error.En, StringComparison.Ordinal);
        Assert.Contains(NikParser.Example, error.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("160107120585000", 15)]
    [InlineData("16010712058500011", 17)]
    [InlineData("1601", 4)]
    [InlineData("1601 0712 0585 000", 15)]
    [InlineData("NIK: 16010712058500", 14)]
    public void SaysHowManyDigitsWereWritten(string input, int count)
    {
        var error = Expect.Error(NikParser.Parse(input, Regions, Today));
        Assert.Contains($"16 angka, Anda menulis {count}", error.Id, StringComparison.Ordinal);
        Assert.Contains($"you wrote {count}", error.En, StringComparison.Ordinal);
        Assert.Contains("Contoh: 1601071205850001", error.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("16010712O5850001")]
    [InlineData("I601071205850001")]
    [InlineData("160107120585000l")]
    public void PointsOutLettersThatLookLikeDigits(string input)
    {
        var error = Expect.Error(NikParser.Parse(input, Regions, Today));
        Assert.Contains("huruf O atau I", error.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abcdefghijklmnop")]
    [InlineData("1601071205850001😀")]
    [InlineData("1601071205850001 👍")]
    [InlineData("1601071205850001; DROP TABLE users")]
    [InlineData("+1601071205850001")]
    [InlineData("1601/0712/0585/0001")]
    public void LettersAndSymbolsAreNotDigits(string input)
    {
        var error = Expect.Error(NikParser.Parse(input, Regions, Today));
        Assert.Contains("hanya berisi angka", error.Id, StringComparison.Ordinal);
        Assert.Contains("digits only", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1111111111111111")]
    [InlineData("0000000000000000")]
    [InlineData("9999 9999 9999 9999")]
    public void RejectsAllSameDigits(string input)
    {
        var error = Expect.Error(NikParser.Parse(input, Regions, Today));
        Assert.Contains("semua angkanya sama", error.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsSerialZero()
    {
        var error = Expect.Error(NikParser.Parse("1601071205850000", Regions, Today));
        Assert.Contains("0000", error.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3301071205850001", "33")]
    [InlineData("9901071205850001", "99")]
    [InlineData("1101071205850001", "11")]
    public void UnknownProvinceIsRejectedWhenRegionsAreKnown(string input, string province)
    {
        var error = Expect.Error(NikParser.Parse(input, Regions, Today));
        Assert.Contains($"({province})", error.Id, StringComparison.Ordinal);
        Assert.Contains("provinsi", error.Id, StringComparison.Ordinal);

        // Without a region list, any code in 11–99 is accepted.
        var nik = Expect.Ok(NikParser.Parse(input, null, Today));
        Assert.Equal(province, nik.ProvinceCode);
    }

    [Theory]
    [InlineData("0501071205850001")]
    [InlineData("1001071205850001")]
    [InlineData("0001071205850001")]
    public void ProvinceCodesBelowElevenNeverExist(string input)
    {
        Expect.Error(NikParser.Parse(input, null, Today));
        Expect.Error(NikParser.Parse(input, Regions, Today));
    }

    [Theory]
    [InlineData("1699071205850001", "16.99")]
    [InlineData("1603071205850001", "16.03")]
    [InlineData("3201071205850001", "32.01")]
    [InlineData("1600071205850001", "16.00")]
    public void UnknownRegencyIsAcceptedWithAWarning(string input, string regency)
    {
        var parsed = NikParser.Parse(input, Regions, Today);
        var nik = Expect.Ok(parsed);
        Assert.Equal(regency, nik.RegencyCode);
        Assert.NotNull(parsed.Warning);
        Assert.Contains(regency, parsed.Warning!.Id, StringComparison.Ordinal);
        Assert.Contains("tetap diterima", parsed.Warning.Id, StringComparison.Ordinal);
        Assert.Contains("accepted", parsed.Warning.En, StringComparison.Ordinal);
    }

    [Fact]
    public void RegencyIsNotCheckedWithoutRegions()
    {
        var parsed = NikParser.Parse("1699071205850001", null, Today);
        Expect.Ok(parsed);
        Assert.Null(parsed.Warning);

        // "00" is never a regency, list or not.
        Assert.NotNull(NikParser.Parse("1600071205850001", null, Today).Warning);
    }

    [Theory]
    [MemberData(nameof(Junk.All), MemberType = typeof(Junk))]
    public void RejectsJunk(string input) => Expect.Error(NikParser.Parse(input, Regions, Today));

    [Fact]
    public void ExampleInMessagesIsItselfValid()
    {
        var nik = Expect.Ok(NikParser.Parse(NikParser.Example, Regions, Today));
        Assert.Null(NikParser.Parse(NikParser.Example, Regions, Today).Warning);
        Assert.Equal("16.01", nik.RegencyCode);
    }

    [Theory]
    [InlineData("1601071205850001", "1601********0001")]
    [InlineData("3171014101230042", "3171********0042")]
    [InlineData("", "")]
    [InlineData("123", "***")]
    [InlineData("16010712058500011", "*****************")]
    public void Mask(string digits, string expected) => Assert.Equal(expected, NikParser.Mask(digits));
}
