using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Kbli;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff.QuickEntry;
using PLKumkm.Bot.Tests.Validation;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Kbli;

/// <summary>KBLI 2020 as bundled, and the lookup from owners' words that the chat, quick entry and import share.</summary>
public sealed class KbliLookupTests
{
    private static readonly Lazy<QuickEntryParser> QuickEntry = new(() => new QuickEntryParser(
        QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "conversations")).Single(q => q.Id == "umkm"),
        RegionCatalog.Shared));

    [Fact]
    public void The_bundled_catalogue_is_the_whole_classification()
    {
        var catalogue = KbliCatalog.Default;
        Assert.Equal(2710, catalogue.Count);
        Assert.Equal(1789, catalogue.Leaves.Count);
        Assert.Equal("Penyediaan Makanan Keliling/Tempat Tidak Tetap", catalogue.Find("56104")!.Title);
        Assert.Contains("gorengan", catalogue.Find("56104")!.Description, StringComparison.Ordinal);
        Assert.Equal('I', catalogue.Find("56104")!.Section);
        Assert.Null(catalogue.Find("99999"));
    }

    [Fact]
    public void Every_code_of_the_everyday_words_is_a_KBLI_2020_kelompok()
    {
        var synonyms = KbliSynonyms.LoadEmbedded();
        Assert.True(synonyms.Phrases.Count > 300);
        Assert.All(synonyms.Phrases.SelectMany(p => p.Codes), c => Assert.True(KbliCatalog.Default.Find(c) is { IsLeaf: true }, c));
        Assert.Contains(synonyms.Phrases, p => p.Text == "gorengan");
    }

    [Fact]
    public void A_synonym_line_with_a_code_that_does_not_exist_stops_the_load()
    {
        var e = Assert.Throws<InvalidDataException>(() => new KbliSearch(KbliCatalog.Default, KbliSynonyms.Parse("gorengan = 99999")));
        Assert.Contains("99999", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_words_twice_in_the_synonyms_are_refused() =>
        Assert.Throws<InvalidDataException>(() => KbliSynonyms.Parse("gorengan = 56104\ngoreng = 10799"));

    [Theory]
    [InlineData("jual gorengan", "56104")]
    [InlineData("warung makan", "56102")]
    [InlineData("bengkel motor", "45407")]
    [InlineData("dagang", "47112")]
    [InlineData("simpan pinjam", "64141")]
    [InlineData("warung sembako", "47112")]
    [InlineData("jahit", "14120")]
    [InlineData("salon", "96112")]
    [InlineData("laundry", "96200")]
    [InlineData("pulsa", "61999")]
    [InlineData("ojek", "49424")]
    [InlineData("catering", "56210")]
    [InlineData("menjahit baju", "14120")]
    [InlineData("kue2 basah", "10792")]
    public void The_issue_words_find_their_code_first(string words, string code) =>
        Assert.Equal(code, KbliSearch.Default.Find(words)[0].Entry.Code);

    [Fact]
    public void Words_nobody_uses_find_nothing() => Assert.Empty(KbliSearch.Default.Find("qwxz zzkq"));

    [Theory]
    [InlineData("99999")]
    [InlineData("47119")]
    public void A_code_must_exist_in_KBLI_2020(string code)
    {
        var error = Expect.Error(KbliParser.Parse(code));
        Assert.Contains($"Kode KBLI {code} tidak ada di KBLI 2020", error.Id, StringComparison.Ordinal);
        Assert.Contains($"no KBLI 2020 code {code}", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jual gorengan", "56104")]
    [InlineData("bengkel motor", "45407")]
    public void Words_that_are_no_code_are_refused_with_the_closest_codes(string words, string code)
    {
        var error = Expect.Error(KbliParser.Parse(words));
        Assert.Contains(code, error.Id, StringComparison.Ordinal);
        Assert.Contains(code, error.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Farming_words_get_the_kind_out_of_scope_answer()
    {
        var error = Expect.Error(KbliParser.Parse("ternak ayam"), withExample: false);
        Assert.Contains("Sensus Pertanian", error.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Quick_entry_uses_the_same_lookup()
    {
        var result = QuickEntry.Value.Parse(
            "#umkm\nNIK: 1601071205850001\nNama: Siti Aminah\nUsaha: Gorengan Siti\nDesa: Sukaraya\nKBLI: jual gorengan", "16.01", new DateOnly(2022, 9, 12));
        var error = Assert.Single(result.Errors);
        Assert.Equal("kbli", error.FieldId);
        Assert.Contains("56104 Penyediaan Makanan Keliling", error.Message.Id, StringComparison.Ordinal);

        var refused = QuickEntry.Value.Parse(
            "#umkm\nNIK: 1601071205850001\nNama: Siti Aminah\nUsaha: Gorengan Siti\nDesa: Sukaraya\nKBLI: 99999", "16.01", new DateOnly(2022, 9, 12));
        Assert.Contains("99999 tidak ada di KBLI 2020", Assert.Single(refused.Errors).Message.Id, StringComparison.Ordinal);

        var accepted = QuickEntry.Value.Parse(
            "#umkm\nNIK: 1601071205850001\nNama: Siti Aminah\nUsaha: Gorengan Siti\nDesa: Sukaraya\nKBLI: 56104", "16.01", new DateOnly(2022, 9, 12));
        Assert.True(accepted.Ok);
        Assert.Equal("56104", accepted.Answers["kbli"]);
    }

    [Fact]
    public void Quick_entry_without_KBLI_names_the_codes_for_its_activity()
    {
        var result = QuickEntry.Value.Parse(
            "#umkm\nNIK: 1601071205850001\nNama: Siti Aminah\nUsaha: Bengkel Siti\nDesa: Sukaraya\nKegiatan: bengkel motor", "16.01", new DateOnly(2022, 9, 12));
        var error = Assert.Single(result.Errors);
        Assert.Equal("kbli", error.FieldId);
        Assert.Contains("wajib diisi", error.Message.Id, StringComparison.Ordinal);
        Assert.Contains("45407 Reparasi Dan Perawatan Sepeda Motor", error.Message.Id, StringComparison.Ordinal);
    }
}
