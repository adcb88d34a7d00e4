using PLKumkm.Bot.Kbli;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Validation;

public sealed class KbliParserTests
{
    [Theory]
    [InlineData("G", 'G')]
    [InlineData("g", 'G')]
    [InlineData(" G ", 'G')]
    [InlineData("Sektor G", 'G')]
    [InlineData("sektor g", 'G')]
    [InlineData("SEKTOR: G", 'G')]
    [InlineData("Kategori C", 'C')]
    [InlineData("G - Perdagangan", 'G')]
    [InlineData("G – Perdagangan Besar dan Eceran", 'G')]
    [InlineData("G. Perdagangan", 'G')]
    [InlineData("G: toko", 'G')]
    [InlineData("G Perdagangan", 'G')]
    [InlineData("(G)", 'G')]
    [InlineData("c", 'C')]
    [InlineData("I - Penyediaan Akomodasi dan Penyediaan Makan Minum", 'I')]
    [InlineData("U", 'U')]
    [InlineData("perdagangan", 'G')]
    [InlineData("Industri Pengolahan", 'C')]
    [InlineData("industri", 'C')]
    [InlineData("Makan & penginapan", 'I')]
    [InlineData("Pendidikan", 'P')]
    [InlineData("konstruksi", 'F')]
    [InlineData("Aktivitas Jasa Lainnya", 'S')]
    [InlineData("jasa lainnya", 'S')]
    [InlineData("Manufacturing", 'C')]
    public void ReadsSections(string input, char section)
    {
        var kbli = Expect.Ok(KbliParser.Parse(input));
        Assert.Equal(section, kbli.Section);
        Assert.Null(kbli.Code);
        Assert.Equal(section.ToString(), kbli.ToString());
    }

    [Theory]
    [InlineData("47111", 'G', "47111")]
    [InlineData("47 111", 'G', "47111")]
    [InlineData("47.111", 'G', "47111")]
    [InlineData(" 47111 ", 'G', "47111")]
    [InlineData("KBLI 47111", 'G', "47111")]
    [InlineData("kbli 2020: 56101", 'I', "56101")]
    [InlineData("KBLI: 10710", 'C', "10710")]
    [InlineData("kode 35111", 'D', "35111")]
    [InlineData("99000", 'U', "99000")]
    [InlineData("２０２１１", 'C', "20211")]
    public void ReadsFiveDigitCodes(string input, char section, string code)
    {
        var kbli = Expect.Ok(KbliParser.Parse(input));
        Assert.Equal(section, kbli.Section);
        Assert.Equal(code, kbli.Code);
        Assert.Equal(code, kbli.ToString());
    }

    [Theory]
    [InlineData(5, 'B')] [InlineData(9, 'B')]
    [InlineData(10, 'C')] [InlineData(33, 'C')]
    [InlineData(35, 'D')]
    [InlineData(36, 'E')] [InlineData(39, 'E')]
    [InlineData(41, 'F')] [InlineData(43, 'F')]
    [InlineData(45, 'G')] [InlineData(47, 'G')]
    [InlineData(49, 'H')] [InlineData(53, 'H')]
    [InlineData(55, 'I')] [InlineData(56, 'I')]
    [InlineData(58, 'J')] [InlineData(63, 'J')]
    [InlineData(64, 'K')] [InlineData(66, 'K')]
    [InlineData(68, 'L')]
    [InlineData(69, 'M')] [InlineData(75, 'M')]
    [InlineData(77, 'N')] [InlineData(82, 'N')]
    [InlineData(84, 'O')]
    [InlineData(85, 'P')]
    [InlineData(86, 'Q')] [InlineData(88, 'Q')]
    [InlineData(90, 'R')] [InlineData(93, 'R')]
    [InlineData(94, 'S')] [InlineData(96, 'S')]
    [InlineData(97, 'T')] [InlineData(98, 'T')]
    [InlineData(99, 'U')]
    public void DivisionBoundariesMapToSections(int division, char section)
    {
        Assert.Equal(section, KbliSections.SectionOfDivision(division));
        // The first kelompok of the division: a code must exist in KBLI 2020, not only its division.
        var code = KbliCatalog.Default.Leaves.First(e => e.Code.StartsWith($"{division:00}", StringComparison.Ordinal)).Code;
        var kbli = Expect.Ok(KbliParser.Parse(code));
        Assert.Equal(section, kbli.Section);
        Assert.Equal(code, kbli.Code);
    }

    [Theory]
    [InlineData("00111")]
    [InlineData("04111")]
    [InlineData("34111")]
    [InlineData("40111")]
    [InlineData("44111")]
    [InlineData("48111")]
    [InlineData("54111")]
    [InlineData("57111")]
    [InlineData("67111")]
    [InlineData("76111")]
    [InlineData("83111")]
    [InlineData("89111")]
    public void UnknownDivisionsAreRefused(string code)
    {
        var error = Expect.Error(KbliParser.Parse(code));
        Assert.Contains(code, error.Id, StringComparison.Ordinal);
        Assert.Contains($"golongan pokok {code[..2]}", error.Id, StringComparison.Ordinal);
        Assert.Null(KbliSections.SectionOfDivision(int.Parse(code[..2], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("a")]
    [InlineData("Sektor A")]
    [InlineData("A - Pertanian, Kehutanan dan Perikanan")]
    [InlineData("01111")]
    [InlineData("02201")]
    [InlineData("03111")]
    [InlineData("pertanian")]
    [InlineData("perikanan")]
    [InlineData("peternakan")]
    [InlineData("Perkebunan")]
    public void AgricultureIsKindlyOutOfScope(string input)
    {
        var error = Expect.Error(KbliParser.Parse(input), withExample: false);
        Assert.Contains("Terima kasih", error.Id, StringComparison.Ordinal);
        Assert.Contains("Sensus Pertanian", error.Id, StringComparison.Ordinal);
        Assert.Contains("PL-KUMKM", error.Id, StringComparison.Ordinal);
        Assert.Contains("G (Perdagangan)", error.Id, StringComparison.Ordinal);
        Assert.Contains("C (Industri Pengolahan)", error.Id, StringComparison.Ordinal);
        Assert.Contains("agricultural census", error.En, StringComparison.Ordinal);
        Assert.Contains("G (Trade)", error.En, StringComparison.Ordinal);
    }

    [Fact]
    public void AgricultureCodeIsNamed()
    {
        var error = Expect.Error(KbliParser.Parse("01111"), withExample: false);
        Assert.StartsWith("Kode 01111 termasuk sektor A.", error.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234", 4)]
    [InlineData("471111", 6)]
    [InlineData("4711", 4)]
    [InlineData("47", 2)]
    public void CodesMustHaveFiveDigits(string input, int count)
    {
        var error = Expect.Error(KbliParser.Parse(input));
        Assert.Contains($"5 angka, Anda menulis {count}", error.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoDigitsHintAtTheSection()
    {
        var error = Expect.Error(KbliParser.Parse("47"));
        Assert.Contains("sektor G", error.Id, StringComparison.Ordinal);
        Assert.Contains("section G", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("V")]
    [InlineData("z")]
    [InlineData("Sektor X")]
    public void LettersAfterUAreNotSections(string input)
    {
        var error = Expect.Error(KbliParser.Parse(input));
        Assert.Contains("A sampai U", error.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I am a shop")]
    [InlineData("warung")]
    [InlineData("aktivitas")]
    [InlineData("G47111")]
    [InlineData("GG")]
    [InlineData("é")]
    public void UnreadableSectors(string input) => Expect.Error(KbliParser.Parse(input));

    [Theory]
    [MemberData(nameof(Junk.All), MemberType = typeof(Junk))]
    public void RejectsJunk(string input) => Expect.Error(KbliParser.Parse(input));
}

public sealed class KbliSectionsTests
{
    [Theory]
    [InlineData('A', "Pertanian, Kehutanan dan Perikanan")]
    [InlineData('C', "Industri Pengolahan")]
    [InlineData('c', "Industri Pengolahan")]
    [InlineData('F', "Konstruksi")]
    [InlineData('G', "Perdagangan Besar dan Eceran; Reparasi dan Perawatan Mobil dan Sepeda Motor")]
    [InlineData('I', "Penyediaan Akomodasi dan Penyediaan Makan Minum")]
    [InlineData('P', "Pendidikan")]
    [InlineData('S', "Aktivitas Jasa Lainnya")]
    public void OfficialNames(char section, string name) => Assert.Equal(name, KbliSections.Name(section));

    [Theory]
    [InlineData('G', "Perdagangan")]
    [InlineData('C', "Industri pengolahan")]
    [InlineData('I', "Makan & penginapan")]
    public void ShortNames(char section, string name) => Assert.Equal(name, KbliSections.ShortName(section));

    [Fact]
    public void AllTwentyOneSectionsHaveNamesThatFitButtons()
    {
        Assert.Equal(21, KbliSections.Letters.Length);
        foreach (var section in KbliSections.Letters)
        {
            Assert.False(string.IsNullOrWhiteSpace(KbliSections.Name(section)));
            Assert.InRange(KbliSections.ShortName(section).Length, 1, 20);
            Assert.InRange(KbliSections.ShortTitle(section).En.Length, 1, 20);
            Assert.Equal(KbliSections.ShortName(section), KbliSections.ShortTitle(section).Id);
            Assert.Equal(KbliSections.Name(section), KbliSections.Title(section).Id);
            Assert.False(string.IsNullOrWhiteSpace(KbliSections.Title(section).En));
        }

        Assert.Equal(21, KbliSections.Letters.Select(KbliSections.ShortName).Distinct().Count());
        Assert.Equal(21, KbliSections.Letters.Select(s => KbliSections.ShortTitle(s).En).Distinct().Count());
    }

    [Fact]
    public void EveryShortNameParsesBackToItsSection()
    {
        foreach (var section in KbliSections.Letters.Where(KbliSections.InScope))
        {
            Assert.Equal(section, Expect.Ok(KbliParser.Parse(KbliSections.ShortName(section))).Section);
            Assert.Equal(section, Expect.Ok(KbliParser.Parse(KbliSections.Name(section))).Section);
            Assert.Equal(section, Expect.Ok(KbliParser.Parse($"{section} - {KbliSections.ShortName(section)}")).Section);
        }
    }

    [Fact]
    public void OnlyAgricultureIsOutOfScope()
    {
        Assert.False(KbliSections.InScope('A'));
        Assert.False(KbliSections.InScope('a'));
        Assert.Equal(20, KbliSections.Letters.Count(KbliSections.InScope));
    }

    [Theory]
    [InlineData('V')]
    [InlineData('1')]
    [InlineData(' ')]
    public void UnknownSectionsThrow(char section) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KbliSections.Name(section));
}
