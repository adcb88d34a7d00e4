using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Validation;

public sealed class IntegerParserTests
{
    [Theory]
    [InlineData("2", 2)]
    [InlineData("2 orang", 2)]
    [InlineData("2 Orang", 2)]
    [InlineData(" 12 ", 12)]
    [InlineData("12.", 12)]
    [InlineData("1.000", 1_000)]
    [InlineData("1,000", 1_000)]
    [InlineData("12 500", 12_500)]
    [InlineData("0", 0)]
    [InlineData("nol", 0)]
    [InlineData("tidak ada", 0)]
    [InlineData("nihil", 0)]
    [InlineData("satu", 1)]
    [InlineData("dua", 2)]
    [InlineData("Dua", 2)]
    [InlineData("tiga orang", 3)]
    [InlineData("sembilan", 9)]
    [InlineData("sepuluh", 10)]
    [InlineData("sebelas", 11)]
    [InlineData("dua belas", 12)]
    [InlineData("duabelas", 12)]
    [InlineData("sembilan belas", 19)]
    [InlineData("dua puluh", 20)]
    [InlineData("duapuluh", 20)]
    [InlineData("dua puluh lima", 25)]
    [InlineData("sembilan puluh sembilan", 99)]
    [InlineData("seratus", 100)]
    [InlineData("seratus dua puluh tiga", 123)]
    [InlineData("dua ratus", 200)]
    [InlineData("seribu", 1_000)]
    [InlineData("seribu dua ratus lima puluh", 1_250)]
    [InlineData("dua ribu", 2_000)]
    [InlineData("sepuluh ribu", 10_000)]
    [InlineData("dua juta", 2_000_000)]
    [InlineData("1,5 ribu", 1_500)]
    [InlineData("setengah juta", 500_000)]
    [InlineData("5 pekerja", 5)]
    [InlineData("5 karyawan (termasuk saya)", 5)]
    [InlineData("ada 4", 4)]
    [InlineData("sekitar 10 orang", 10)]
    [InlineData("jumlahnya 7", 7)]
    [InlineData("+3", 3)]
    [InlineData("１２", 12)]
    [InlineData("3 org", 3)]
    public void ReadsCounts(string input, long expected) =>
        Assert.Equal(expected, Expect.Ok(IntegerParser.Parse(input)));

    [Theory]
    [InlineData("-1", 0, 100)]
    [InlineData("−1", 0, 100)]
    [InlineData("minus 1", 0, 100)]
    [InlineData("101", 0, 100)]
    [InlineData("0", 1, 100)]
    [InlineData("seratus satu", 0, 100)]
    [InlineData("5", 1, 3)]
    public void OutOfRangeStatesTheAllowedRange(string input, long min, long max)
    {
        var error = Expect.Error(IntegerParser.Parse(input, min, max));
        Assert.Contains($"dari {min} sampai {max}", error.Id, StringComparison.Ordinal);
        Assert.Contains($"from {min} to {max}", error.En, StringComparison.Ordinal);
    }

    [Fact]
    public void RangeMessagesUseIndonesianGroupingAndOneSidedWording()
    {
        var error = Expect.Error(IntegerParser.Parse("20000", 0, 10_000));
        Assert.Contains("dari 0 sampai 10.000", error.Id, StringComparison.Ordinal);
        Assert.Contains("paling sedikit 1", Expect.Error(IntegerParser.Parse("0", 1)).Id, StringComparison.Ordinal);
        Assert.Contains("paling banyak 10", Expect.Error(IntegerParser.Parse("11", long.MinValue, 10)).Id, StringComparison.Ordinal);
        Assert.Contains("paling sedikit 0", Expect.Error(IntegerParser.Parse("-1")).Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5", -10, 10, -5)]
    [InlineData("minus lima", -10, 10, -5)]
    [InlineData("10", -10, 10, 10)]
    [InlineData("-10", -10, 10, -10)]
    public void NegativeNumbersWhenTheRangeAllowsThem(string input, long min, long max, long expected) =>
        Assert.Equal(expected, Expect.Ok(IntegerParser.Parse(input, min, max)));

    [Theory]
    [InlineData("2 atau 3")]
    [InlineData("2-3")]
    [InlineData("3 laki-laki 2 perempuan")]
    [InlineData("dua orang dan tiga")]
    [InlineData("2, 3")]
    public void AsksForOneNumber(string input)
    {
        var error = Expect.Error(IntegerParser.Parse(input));
        Assert.Contains("satu angka", error.Id, StringComparison.Ordinal);
        Assert.Contains("one number", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("2.5")]
    [InlineData("setengah")]
    [InlineData("dua setengah")]
    [InlineData("dua koma lima")]
    public void FractionsAreNotCounts(string input)
    {
        var error = Expect.Error(IntegerParser.Parse(input));
        Assert.Contains("bilangan bulat", error.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("banyak")]
    [InlineData("orang")]
    [InlineData("beberapa")]
    [InlineData("3 <b>")]
    [InlineData("tiga tiga")]
    [InlineData("99999999999999999999")]
    [InlineData("99999999999999999 ribu")]
    public void UnreadableOrTooLarge(string input) => Expect.Error(IntegerParser.Parse(input));

    [Fact]
    public void OneLetterScalesAreNotReadInCounts()
    {
        // "5 m" might be metres; only money reads "m" as miliar.
        Assert.Equal(5, Expect.Ok(IntegerParser.Parse("5 meter")));
        Assert.Equal(5_000, Expect.Ok(IntegerParser.Parse("5 ribu")));
    }

    [Fact]
    public void ExampleInTheMessageLiesInsideTheRange()
    {
        var error = Expect.Error(IntegerParser.Parse("x", 100, 200));
        Assert.Contains("contoh: 100", error.Id, StringComparison.Ordinal);
        Assert.Contains("contoh: 3", Expect.Error(IntegerParser.Parse("x", 1, 3)).Id, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Junk.All), MemberType = typeof(Junk))]
    public void RejectsJunk(string input) => Expect.Error(IntegerParser.Parse(input, 0, 1_000));
}
