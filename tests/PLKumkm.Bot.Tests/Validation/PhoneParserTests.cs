using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Validation;

public sealed class PhoneParserTests
{
    [Theory]
    [InlineData("081234567890")]
    [InlineData("0812 3456 7890")]
    [InlineData("0812-3456-7890")]
    [InlineData("0812.3456.7890")]
    [InlineData("(0812) 3456 7890")]
    [InlineData("6281234567890")]
    [InlineData("62 812 3456 7890")]
    [InlineData("+6281234567890")]
    [InlineData("+62 812-3456-7890")]
    [InlineData("+62 812 3456 7890")]
    [InlineData("+62 (812) 3456-7890")]
    [InlineData("+62 (0) 812 3456 7890")]
    [InlineData("+62 0812 3456 7890")]
    [InlineData("0062 812 3456 7890")]
    [InlineData("81234567890")]
    [InlineData("  081234567890  ")]
    [InlineData("HP: 0812 3456 7890")]
    [InlineData("No. HP 081234567890")]
    [InlineData("WA: +62 812-3456-7890")]
    [InlineData("０８１２３４５６７８９０")]
    [InlineData("0812\u00A03456\u00A07890")]
    [InlineData("0812–3456–7890")]
    public void ReadsTheSameMobileNumberHoweverItIsWritten(string input) =>
        Assert.Equal("+6281234567890", Expect.Ok(PhoneParser.Parse(input)));

    [Theory]
    [InlineData("0857-1234-5678", "+6285712345678")]
    [InlineData("0896 1234 5678", "+6289612345678")]
    [InlineData("0881 2345 6789", "+6288123456789")]
    [InlineData("0813 1234 567", "+62813 1234 567")]
    [InlineData("085212345678", "+6285212345678")]
    public void OtherOperators(string input, string expected) =>
        Assert.Equal(expected.Replace(" ", "", StringComparison.Ordinal), Expect.Ok(PhoneParser.Parse(input)));

    [Theory]
    [InlineData("0711-123456")]
    [InlineData("0711 357 123")]
    [InlineData("021 5551234")]
    [InlineData("(021) 555-1234")]
    [InlineData("+62 21 5551234")]
    public void LandlinesAskForAMobileNumber(string input)
    {
        var error = Expect.Error(PhoneParser.Parse(input));
        Assert.Contains("nomor HP", error.Id, StringComparison.Ordinal);
        Assert.Contains("rumah/kantor", error.Id, StringComparison.Ordinal);
        Assert.Contains("mobile number", error.En, StringComparison.Ordinal);
        Assert.Contains("0812 3456 7890", error.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+60 12-345 6789", "+60")]
    [InlineData("+1 650 253 0000", "+1")]
    [InlineData("+65 9123 4567", "+65")]
    public void ForeignNumbersAreRefused(string input, string country)
    {
        var error = Expect.Error(PhoneParser.Parse(input));
        Assert.Contains(country, error.Id, StringComparison.Ordinal);
        Assert.Contains("luar negeri", error.Id, StringComparison.Ordinal);
        Assert.Contains("Indonesian mobile", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0812345")]
    [InlineData("08123")]
    [InlineData("0812")]
    [InlineData("08123456789012345")]
    [InlineData("+62 812 3456 7890 1234")]
    public void WrongLengthIsRefused(string input) => Expect.Error(PhoneParser.Parse(input));

    [Theory]
    [InlineData("0812-CALL-ME")]
    [InlineData("0812345678a")]
    [InlineData("0812 3456 7890 😀")]
    [InlineData("O812 3456 7890")]
    [InlineData("0812#34567890")]
    public void LettersAndSymbolsAreRefused(string input)
    {
        var error = Expect.Error(PhoneParser.Parse(input));
        Assert.Contains("hanya berisi angka", error.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0812 3456 7890 / 0813 1111 2222")]
    [InlineData("081234567890, 081311112222")]
    [InlineData("081234567890 atau 081311112222")]
    public void AsksForOneNumber(string input)
    {
        var error = Expect.Error(PhoneParser.Parse(input));
        Assert.Contains("satu nomor", error.Id, StringComparison.Ordinal);
        Assert.Contains("one mobile number", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0800 1234 567")]
    [InlineData("1500 123")]
    [InlineData("0000000000")]
    [InlineData("0899 9999 9999 9999")]
    public void NonMobileNumbersAreRefused(string input) => Expect.Error(PhoneParser.Parse(input));

    [Theory]
    [MemberData(nameof(Junk.All), MemberType = typeof(Junk))]
    public void RejectsJunk(string input) => Expect.Error(PhoneParser.Parse(input));
}
