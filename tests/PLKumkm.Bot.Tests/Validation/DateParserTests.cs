using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Validation;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("12 September 2022")]
    [InlineData("12 september 2022")]
    [InlineData("12 SEPTEMBER 2022")]
    [InlineData("12 Sept 2022")]
    [InlineData("12 Sep 2022")]
    [InlineData("12 Sep. 2022")]
    [InlineData("12 sep 22")]
    [InlineData("12-Sep-2022")]
    [InlineData("12september2022")]
    [InlineData("12/9/2022")]
    [InlineData("12/09/2022")]
    [InlineData("12-09-2022")]
    [InlineData("12.09.2022")]
    [InlineData("12 / 9 / 2022")]
    [InlineData("12/09/22")]
    [InlineData("2022-09-12")]
    [InlineData("2022/9/12")]
    [InlineData(" 12 September 2022 ")]
    [InlineData("12 September 2022.")]
    [InlineData("Senin, 12 September 2022")]
    [InlineData("senin 12 sep 2022")]
    [InlineData("tgl 12 September 2022")]
    [InlineData("Tanggal: 12/9/2022")]
    [InlineData("September 12, 2022")]
    [InlineData("Sep 12 2022")]
    [InlineData("Monday, 12 September 2022")]
    [InlineData("１２/９/２０２２")]
    public void ReadsTheSameDateHoweverItIsWritten(string input) =>
        Assert.Equal(new DateOnly(2022, 9, 12), Expect.Ok(DateParser.Parse(input)));

    [Theory]
    [InlineData("Januari", 1)]
    [InlineData("Jan", 1)]
    [InlineData("January", 1)]
    [InlineData("Februari", 2)]
    [InlineData("Pebruari", 2)]
    [InlineData("Feb", 2)]
    [InlineData("February", 2)]
    [InlineData("Maret", 3)]
    [InlineData("Mar", 3)]
    [InlineData("March", 3)]
    [InlineData("April", 4)]
    [InlineData("Apr", 4)]
    [InlineData("Mei", 5)]
    [InlineData("May", 5)]
    [InlineData("Juni", 6)]
    [InlineData("Jun", 6)]
    [InlineData("June", 6)]
    [InlineData("Juli", 7)]
    [InlineData("Jul", 7)]
    [InlineData("July", 7)]
    [InlineData("Agustus", 8)]
    [InlineData("Agu", 8)]
    [InlineData("Agt", 8)]
    [InlineData("Ags", 8)]
    [InlineData("Aug", 8)]
    [InlineData("August", 8)]
    [InlineData("September", 9)]
    [InlineData("Sep", 9)]
    [InlineData("Sept", 9)]
    [InlineData("Oktober", 10)]
    [InlineData("Okt", 10)]
    [InlineData("October", 10)]
    [InlineData("Oct", 10)]
    [InlineData("November", 11)]
    [InlineData("Nopember", 11)]
    [InlineData("Nov", 11)]
    [InlineData("Desember", 12)]
    [InlineData("Des", 12)]
    [InlineData("December", 12)]
    [InlineData("Dec", 12)]
    public void MonthNamesInBothLanguages(string month, int expected)
    {
        Assert.Equal(new DateOnly(2023, expected, 1), Expect.Ok(DateParser.Parse($"1 {month} 2023")));
        Assert.Equal(new DateOnly(2023, expected, 1), Expect.Ok(DateParser.Parse($"1 {month.ToUpperInvariant()}. 2023")));
        Assert.Equal(expected, DateParser.MonthNumber(month));
    }

    [Theory]
    [InlineData("1/7/95", 1995)]
    [InlineData("1/7/49", 2049)]
    [InlineData("1/7/50", 1950)]
    [InlineData("1/7/00", 2000)]
    [InlineData("1 jul 22", 2022)]
    public void TwoDigitYearsPivotAt2049(string input, int year) =>
        Assert.Equal(new DateOnly(year, 7, 1), Expect.Ok(DateParser.Parse(input)));

    [Fact]
    public void NumbersAreAlwaysDayFirst()
    {
        Assert.Equal(new DateOnly(2022, 12, 9), Expect.Ok(DateParser.Parse("9/12/2022")));
        Assert.Equal(new DateOnly(2022, 1, 2), Expect.Ok(DateParser.Parse("02-01-2022")));
    }

    [Theory]
    [InlineData("31/2/2022", "Tanggal 31 tidak ada di bulan Februari 2022 (hanya sampai 28)")]
    [InlineData("29/2/2023", "Tanggal 29 tidak ada di bulan Februari 2023 (hanya sampai 28)")]
    [InlineData("31 April 2022", "Tanggal 31 tidak ada di bulan April 2022 (hanya sampai 30)")]
    [InlineData("32/1/2022", "Tanggal 32 tidak ada di bulan Januari 2022 (hanya sampai 31)")]
    [InlineData("0/1/2022", "Tanggal 0 tidak ada")]
    [InlineData("9/13/2022", "Tulis tanggal dulu, baru bulan: 13/9/2022")]
    [InlineData("12/0/2022", "Bulan 0 tidak ada")]
    [InlineData("2022-13-01", "Bulan 13 tidak ada")]
    [InlineData("12/9/1800", "Tahunnya tidak masuk akal")]
    [InlineData("12/9/022", "Tahunnya tidak masuk akal")]
    [InlineData("12 September", "Tahunnya belum ditulis")]
    [InlineData("12/9", "Tahunnya belum ditulis")]
    [InlineData("12 Foo 2022", "Nama bulannya tidak saya kenal")]
    [InlineData("12 Septembre 2022", "Nama bulannya tidak saya kenal")]
    [InlineData("kemarin", "belum bisa saya baca")]
    [InlineData("12092022", "belum bisa saya baca")]
    [InlineData("12/9/2022 atau 13/9/2022", "belum bisa saya baca")]
    public void ExplainsWhatIsWrong(string input, string expected)
    {
        var error = Expect.Error(DateParser.Parse(input));
        Assert.Contains(expected, error.Id, StringComparison.Ordinal);
        Assert.Contains("12 September 2022", error.Id, StringComparison.Ordinal);
        Assert.Contains("12/9/2022", error.En, StringComparison.Ordinal);
    }

    [Fact]
    public void LeapDayExistsInLeapYears()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), Expect.Ok(DateParser.Parse("29/2/2024")));
        Assert.Equal(new DateOnly(2000, 2, 29), Expect.Ok(DateParser.Parse("29 Feb 2000")));
        Expect.Error(DateParser.Parse("29/2/1900"));
    }

    [Fact]
    public void FormatsInIndonesian() =>
        Assert.Equal("12 September 2022", DateParser.Format(new DateOnly(2022, 9, 12)));

    [Theory]
    [MemberData(nameof(Junk.All), MemberType = typeof(Junk))]
    public void RejectsJunk(string input) => Expect.Error(DateParser.Parse(input));
}
