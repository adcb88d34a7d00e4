using PLKumkm.Bot.Records;

namespace PLKumkm.Bot.Tests.Records;

public sealed class BusinessNameTests
{
    [Theory]
    [InlineData("Warung Bu Sari", "WARUNG BU SARI.")]
    [InlineData("Warung Bu Sari", "  warung   bu  sari ")]
    [InlineData("Warung Bu Sari", "Wr. Bu Sari")]
    [InlineData("Warung Bu Sari", "Wrg Ibu Sari")]
    [InlineData("Warung Bu Sari", "warung bu-sari")]
    [InlineData("Warung Bu Sari 2", "Warung Bu Sari II")]
    [InlineData("Toko Maju Jaya", "TK MAJU JAYA")]
    [InlineData("Toko Maju Jaya", "Tk. Maju-Jaya")]
    [InlineData("Rumah Makan Padang Sederhana", "RM. Padang Sederhana")]
    [InlineData("Warung Makan Bu Tini", "WM Bu Tini")]
    [InlineData("UD Sinar Abadi", "U.D. Sinar Abadi")]
    [InlineData("Toko Ani & Budi", "Toko Ani dan Budi")]
    [InlineData("Toko Bapak Hadi", "toko pak hadi")]
    [InlineData("Kedai Kopi Pagi", "Kd. Kopi Pagi")]
    [InlineData("Koperasi Simpan Pinjam Maju Bersama", "KSP Maju Bersama")]
    [InlineData("Koperasi Unit Desa Sumber Rejeki", "KUD Sumber Rejeki")]
    [InlineData("Koperasi Tani Makmur", "Kop. Tani Makmur")]
    [InlineData("KSPPS Barokah", "Koperasi Simpan Pinjam dan Pembiayaan Syariah Barokah")]
    [InlineData("Toko Syari'ah Amanah", "Toko Syariah Amanah")]
    [InlineData("Kafé Mékar", "Kafe Mekar")]
    public void Same_business_written_differently(string a, string b) =>
        Assert.Equal(BusinessName.Normalize(a), BusinessName.Normalize(b));

    [Theory]
    [InlineData("Warung Bu Sari", "Warung Bu Sari 2")]
    [InlineData("Warung Bu Sari", "Bu Sari")]
    [InlineData("Warung Bu Sari", "Toko Bu Sari")]
    [InlineData("Toko Maju Jaya", "Toko Maju Jaya Abadi")]
    [InlineData("Warung Bu Sari 2", "Warung Bu Sari 3")]
    [InlineData("KSP Maju Bersama", "KUD Maju Bersama")]
    public void Different_businesses_stay_different(string a, string b) =>
        Assert.NotEqual(BusinessName.Normalize(a), BusinessName.Normalize(b));

    [Fact]
    public void The_folded_form_keeps_the_words()
    {
        Assert.Equal("warung bu sari", BusinessName.Normalize("WARUNG BU SARI."));
        Assert.Equal("toko maju jaya", BusinessName.Normalize("TK MAJU JAYA"));
        Assert.Equal("koperasi simpan pinjam maju bersama", BusinessName.Normalize("KSP Maju Bersama"));
        Assert.Equal("", BusinessName.Normalize(" ... "));
    }

    [Theory]
    [InlineData("Warung Bu Sari", "Warung Bu Sary", true)]
    [InlineData("Warung Bu Sari", "Warung Bu Sari Jaya", true)]
    [InlineData("Toko Maju Jaya", "TK Maju Jaya", true)]
    [InlineData("Koperasi Tani Makmur", "Koperasi Tani Makmor", true)]
    [InlineData("Warung Bu Sari", "Toko Maju Jaya", false)]
    [InlineData("Wr Ani", "Warung Budi", false)]
    [InlineData("Tk Ani", "Toko Ana", true)]
    [InlineData("Bengkel Budi", "Bengkel Badu", false)]
    public void Similar_names_for_likely_duplicates(string a, string b, bool similar) =>
        Assert.Equal(similar, BusinessName.AreSimilar(BusinessName.Normalize(a), BusinessName.Normalize(b)));

    [Theory]
    [InlineData("AHU-0001234.AH.01.26.TAHUN 2020", "AHU0001234AH0126TAHUN2020")]
    [InlineData("ahu 0001234 ah 01 26 tahun 2020", "AHU0001234AH0126TAHUN2020")]
    [InlineData("518/BH/XIII/2005", "518BHXIII2005")]
    [InlineData(" 518 / BH / XIII / 2005. ", "518BHXIII2005")]
    [InlineData("-", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Legal_entity_numbers_fold_to_letters_and_digits(string? input, string? expected) =>
        Assert.Equal(expected, LegalEntityNumber.Normalize(input));
}
