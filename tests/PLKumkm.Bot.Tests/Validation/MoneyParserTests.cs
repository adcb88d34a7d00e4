using System.Globalization;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Validation;

public sealed class MoneyParserTests
{
    [Theory]
    [InlineData("Rp2.500.000", 2_500_000)]
    [InlineData("Rp 2.500.000,-", 2_500_000)]
    [InlineData("Rp. 2.500.000", 2_500_000)]
    [InlineData("rp2.500.000.-", 2_500_000)]
    [InlineData("RP 2.500.000,00", 2_500_000)]
    [InlineData("2.500.000", 2_500_000)]
    [InlineData("2500000", 2_500_000)]
    [InlineData(" 2500000 ", 2_500_000)]
    [InlineData("2 500 000", 2_500_000)]
    [InlineData("2,500,000", 2_500_000)]
    [InlineData("IDR 2,500,000.00", 2_500_000)]
    [InlineData("2.500.000 rupiah", 2_500_000)]
    [InlineData("2,5jt", 2_500_000)]
    [InlineData("2,5 jt", 2_500_000)]
    [InlineData("2,5JT", 2_500_000)]
    [InlineData("2.5 juta", 2_500_000)]
    [InlineData("2.5juta", 2_500_000)]
    [InlineData("2,50 juta", 2_500_000)]
    [InlineData("2,500 juta", 2_500_000)]
    [InlineData("2.5 million", 2_500_000)]
    [InlineData("500rb", 500_000)]
    [InlineData("500 ribu", 500_000)]
    [InlineData("500 rb", 500_000)]
    [InlineData("500k", 500_000)]
    [InlineData("500K", 500_000)]
    [InlineData("1.5k", 1_500)]
    [InlineData("1,2 miliar", 1_200_000_000)]
    [InlineData("1.2 milyar", 1_200_000_000)]
    [InlineData("1,2 Miliar", 1_200_000_000)]
    [InlineData("2.500 juta", 2_500_000_000)]
    [InlineData("2jt 500rb", 2_500_000)]
    [InlineData("2jt500rb", 2_500_000)]
    [InlineData("1 juta 250 ribu", 1_250_000)]
    [InlineData("5 ribu 500", 5_500)]
    [InlineData("dua juta", 2_000_000)]
    [InlineData("Dua Juta", 2_000_000)]
    [InlineData("dua setengah juta", 2_500_000)]
    [InlineData("setengah juta", 500_000)]
    [InlineData("seratus lima puluh ribu", 150_000)]
    [InlineData("seratus limapuluh ribu", 150_000)]
    [InlineData("satu miliar", 1_000_000_000)]
    [InlineData("sejuta", 1_000_000)]
    [InlineData("seribu", 1_000)]
    [InlineData("dua juta lima ratus ribu", 2_500_000)]
    [InlineData("dua juta dan lima ratus ribu", 2_500_000)]
    [InlineData("sebelas juta", 11_000_000)]
    [InlineData("dua belas juta", 12_000_000)]
    [InlineData("dua puluh lima juta", 25_000_000)]
    [InlineData("tiga ratus ribu", 300_000)]
    [InlineData("dua koma lima juta", 2_500_000)]
    [InlineData("2 juta rupiah", 2_000_000)]
    [InlineData("sekitar 2jt", 2_000_000)]
    [InlineData("± 2,5 jt", 2_500_000)]
    [InlineData("kira-kira 3 juta", 3_000_000)]
    [InlineData("２,５jt", 2_500_000)]
    [InlineData("2.500.000.", 2_500_000)]
    [InlineData("+2.500.000", 2_500_000)]
    [InlineData("0", 0)]
    [InlineData("Rp0", 0)]
    [InlineData("nol", 0)]
    [InlineData("nihil", 0)]
    [InlineData("2.500", 2_500)]
    public void ReadsAmountsWithoutDoubt(string input, long expected)
    {
        var value = Expect.Ok(MoneyParser.Parse(input));
        Assert.Equal(expected, value.Rupiah);
        Assert.Null(value.Period);
        Assert.False(value.NeedsConfirmation, $"{input} should not need confirmation");
    }

    [Theory]
    [InlineData("1,2 M", 1_200_000_000)]
    [InlineData("1,2M", 1_200_000_000)]
    [InlineData("1.2 m", 1_200_000_000)]
    [InlineData("5M", 5_000_000_000)]
    [InlineData("3 triliun", 3_000_000_000_000)]
    [InlineData("3T", 3_000_000_000_000)]
    [InlineData("50", 50)]
    [InlineData("999", 999)]
    [InlineData("lima ratus", 500)]
    [InlineData("2,500", 2_500)]
    [InlineData("2jt500", 2_500_000)]
    [InlineData("2jt5", 2_500_000)]
    [InlineData("dua juta lima ratus", 2_500_000)]
    [InlineData("sejuta lima", 1_500_000)]
    [InlineData("tidak ada", 0)]
    [InlineData("2.5", 3)]
    public void ReadsUnsureAmountsAndAsksToConfirm(string input, long expected)
    {
        var value = Expect.Ok(MoneyParser.Parse(input));
        Assert.Equal(expected, value.Rupiah);
        Assert.True(value.NeedsConfirmation, $"{input} should need confirmation");
    }

    [Theory]
    [InlineData("15jt/bulan", 15_000_000, "Month")]
    [InlineData("15 jt / bln", 15_000_000, "Month")]
    [InlineData("15jt per bulan", 15_000_000, "Month")]
    [InlineData("15jt perbulan", 15_000_000, "Month")]
    [InlineData("3jt sebulan", 3_000_000, "Month")]
    [InlineData("tiga juta sebulan", 3_000_000, "Month")]
    [InlineData("3 juta tiap bulan", 3_000_000, "Month")]
    [InlineData("Rp2.500.000 per bulan", 2_500_000, "Month")]
    [InlineData("2,5jt bulanan", 2_500_000, "Month")]
    [InlineData("per bulan 2,5jt", 2_500_000, "Month")]
    [InlineData("2.5 million a month", 2_500_000, "Month")]
    [InlineData("100rb/hari", 100_000, "Day")]
    [InlineData("100 rb/hr", 100_000, "Day")]
    [InlineData("100rb sehari", 100_000, "Day")]
    [InlineData("100rb per hari", 100_000, "Day")]
    [InlineData("seratus ribu per hari", 100_000, "Day")]
    [InlineData("100k/day", 100_000, "Day")]
    [InlineData("30 juta per tahun", 30_000_000, "Year")]
    [InlineData("30jt/thn", 30_000_000, "Year")]
    [InlineData("30jt/th", 30_000_000, "Year")]
    [InlineData("30jt setahun", 30_000_000, "Year")]
    [InlineData("30 juta pertahun", 30_000_000, "Year")]
    [InlineData("30 juta tahunan", 30_000_000, "Year")]
    public void ReadsThePeriod(string input, long rupiah, string period)
    {
        var value = Expect.Ok(MoneyParser.Parse(input));
        Assert.Equal(rupiah, value.Rupiah);
        Assert.Equal(Enum.Parse<MoneyPeriod>(period), value.Period);
        Assert.False(value.NeedsConfirmation);
    }

    [Theory]
    [InlineData("700rb/minggu")]
    [InlineData("700rb per minggu")]
    [InlineData("700 ribu seminggu")]
    public void WeeklyAmountsBecomeYearlyAndAreConfirmed(string input)
    {
        var value = Expect.Ok(MoneyParser.Parse(input));
        Assert.Equal(700_000L * 52, value.Rupiah);
        Assert.Equal(MoneyPeriod.Year, value.Period);
        Assert.True(value.NeedsConfirmation);
    }

    [Theory]
    [InlineData("-5jt")]
    [InlineData("- 5 jt")]
    [InlineData("minus 5 juta")]
    [InlineData("negatif 5 juta")]
    [InlineData("rugi 5 juta")]
    [InlineData("(5.000.000)")]
    [InlineData("(Rp5.000.000)")]
    [InlineData("-Rp5.000.000")]
    [InlineData("Rp -5.000.000")]
    [InlineData("−5.000.000")]
    [InlineData("minus lima juta")]
    public void NegativeAmountsOnlyWhenAllowed(string input)
    {
        var error = Expect.Error(MoneyParser.Parse(input));
        Assert.Contains("minus", error.Id, StringComparison.Ordinal);
        Assert.Contains("negative", error.En, StringComparison.Ordinal);

        var value = Expect.Ok(MoneyParser.Parse(input, allowNegative: true));
        Assert.Equal(-5_000_000, value.Rupiah);
        Assert.False(value.NeedsConfirmation);
    }

    [Fact]
    public void NegativeWithPeriodAndPositiveWhenNegativesAllowed()
    {
        var loss = Expect.Ok(MoneyParser.Parse("-2jt/bulan", allowNegative: true));
        Assert.Equal(-2_000_000, loss.Rupiah);
        Assert.Equal(MoneyPeriod.Month, loss.Period);
        Assert.Equal(5_000_000, Expect.Ok(MoneyParser.Parse("5jt", allowNegative: true)).Rupiah);
        Assert.Equal(0, Expect.Ok(MoneyParser.Parse("-0")).Rupiah);
    }

    [Theory]
    [InlineData("banyak")]
    [InlineData("???")]
    [InlineData("abc")]
    [InlineData("lumayan")]
    [InlineData("juta")]
    [InlineData("jt")]
    [InlineData("rb 500")]
    [InlineData("2 3")]
    [InlineData("2jt 3jt")]
    [InlineData("ribu juta")]
    [InlineData("5 ribu juta")]
    [InlineData("1.23.4")]
    [InlineData("2,5,5jt")]
    [InlineData("dua tiga juta")]
    [InlineData("lima puluh ratus")]
    [InlineData("2jt 1500")]
    [InlineData("Rp")]
    [InlineData("2.500.000 (belum pasti)")]
    [InlineData("5 mil")]
    public void GarbageGetsExamples(string input)
    {
        var error = Expect.Error(MoneyParser.Parse(input));
        Assert.Contains("2.500.000", error.Id, StringComparison.Ordinal);
        Assert.Contains("2,5jt", error.Id, StringComparison.Ordinal);
        Assert.Contains("500rb", error.Id, StringComparison.Ordinal);
        Assert.Contains("500rb", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2-3 juta")]
    [InlineData("2jt-3jt")]
    [InlineData("2.500.000 - 3.000.000")]
    [InlineData("2 sampai 3 juta")]
    [InlineData("2jt atau 3jt")]
    [InlineData("dua sampai tiga juta")]
    [InlineData("2 s/d 3 juta")]
    public void RangesAskForOneAmount(string input)
    {
        var error = Expect.Error(MoneyParser.Parse(input));
        Assert.Contains("satu jumlah", error.Id, StringComparison.Ordinal);
        Assert.Contains("one amount", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("2000 triliun")]
    [InlineData("9.999.999.999.999.999.999")]
    [InlineData("999999999999999999 triliun")]
    [InlineData("1001 triliun")]
    public void AbsurdlyLargeAmountsAreRefused(string input)
    {
        var error = Expect.Error(MoneyParser.Parse(input));
        Assert.Contains("terlalu besar", error.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void LargestAcceptedAmountIsAThousandTrillion()
    {
        var value = Expect.Ok(MoneyParser.Parse("1000 triliun"));
        Assert.Equal(MoneyParser.MaxRupiah, value.Rupiah);
        Assert.True(value.NeedsConfirmation);
        Assert.Equal(MoneyParser.MaxRupiah * MoneyParser.OpenDaysPerYear, MoneyParser.ToAnnual(value.Rupiah, MoneyPeriod.Day));
    }

    [Theory]
    [MemberData(nameof(Junk.All), MemberType = typeof(Junk))]
    public void RejectsJunk(string input) => Expect.Error(MoneyParser.Parse(input));

    [Theory]
    [InlineData("3jt an", 3_000_000)]
    [InlineData("3jt-an", 3_000_000)]
    [InlineData("3 jutaan", 3_000_000)]
    [InlineData("500rban", 500_000)]
    [InlineData("500 ribuan", 500_000)]
    public void An_estimate_written_with_an_is_read(string input, long rupiah)
    {
        var value = Expect.Ok(MoneyParser.Parse(input));
        Assert.Equal(rupiah, value.Rupiah);
        Assert.False(value.NeedsConfirmation);
    }

    [Theory]
    [InlineData("nol")]
    [InlineData("Nol rupiah")]
    public void Nol_is_a_clear_zero(string input)
    {
        var value = Expect.Ok(MoneyParser.Parse(input));
        Assert.Equal(0, value.Rupiah);
        Assert.False(value.NeedsConfirmation);
    }

    [Fact]
    public void Delapan_is_still_eight() => Assert.Equal(8_000_000, Expect.Ok(MoneyParser.Parse("delapan juta")).Rupiah);

    [Theory]
    [InlineData(1_000, "Day", 300_000)]
    [InlineData(1_000, "Month", 12_000)]
    [InlineData(1_000, "Year", 1_000)]
    [InlineData(100_000, "Day", 30_000_000)]
    [InlineData(15_000_000, "Month", 180_000_000)]
    [InlineData(-2_000_000, "Month", -24_000_000)]
    [InlineData(0, "Day", 0)]
    public void ToAnnual(long rupiah, string period, long expected) =>
        Assert.Equal(expected, MoneyParser.ToAnnual(rupiah, Enum.Parse<MoneyPeriod>(period)));

    [Fact]
    public void ToAnnualOfAParsedValueAssumesAYearWhenNoPeriodWasWritten()
    {
        Assert.Equal(180_000_000, MoneyParser.ToAnnual(Expect.Ok(MoneyParser.Parse("15jt/bulan"))));
        Assert.Equal(30_000_000, MoneyParser.ToAnnual(Expect.Ok(MoneyParser.Parse("100rb/hari"))));
        Assert.Equal(15_000_000, MoneyParser.ToAnnual(Expect.Ok(MoneyParser.Parse("15jt"))));
        Assert.Equal(180_000_000, MoneyParser.ToAnnual(Expect.Ok(MoneyParser.Parse("15jt")), MoneyPeriod.Month));
        Assert.Throws<OverflowException>(() => MoneyParser.ToAnnual(long.MaxValue / 2, MoneyPeriod.Day));
    }

    [Theory]
    [InlineData(2_500_000, "Rp2.500.000")]
    [InlineData(0, "Rp0")]
    [InlineData(-5_000_000, "-Rp5.000.000")]
    [InlineData(999, "Rp999")]
    [InlineData(1_000, "Rp1.000")]
    [InlineData(-1, "-Rp1")]
    [InlineData(1_200_000_000, "Rp1.200.000.000")]
    [InlineData(long.MaxValue, "Rp9.223.372.036.854.775.807")]
    [InlineData(long.MinValue, "-Rp9.223.372.036.854.775.808")]
    public void FormatsRupiah(long value, string expected) => Assert.Equal(expected, MoneyFormat.Rupiah(value));

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("id-ID")]
    [InlineData("fr-FR")]
    public void FormattingIgnoresTheHostCulture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal("Rp2.500.000", MoneyFormat.Rupiah(2_500_000));
            Assert.Equal("-Rp5.000.000", MoneyFormat.Rupiah(-5_000_000));
            Assert.Equal(2_500_000, Expect.Ok(MoneyParser.Parse("2,5jt")).Rupiah);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void FormatsWithPeriod()
    {
        var text = MoneyFormat.Rupiah(Expect.Ok(MoneyParser.Parse("15jt/bulan")));
        Assert.Equal("Rp15.000.000 per bulan", text.Id);
        Assert.Equal("Rp15.000.000 per month", text.En);
        Assert.Equal("Rp15.000.000", MoneyFormat.Rupiah(Expect.Ok(MoneyParser.Parse("15jt"))).Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(2_500_000)]
    [InlineData(1_234_567_891)]
    [InlineData(50_000_000_000)]
    [InlineData(-5_000_000)]
    public void FormattedAmountsParseBack(long value) =>
        Assert.Equal(value, Expect.Ok(MoneyParser.Parse(MoneyFormat.Rupiah(value), allowNegative: true)).Rupiah);
}
