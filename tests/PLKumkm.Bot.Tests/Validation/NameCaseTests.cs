using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff.QuickEntry;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Validation;

/// <summary>Names stored in consistent capitals (issue 13: "siti aminah" kept as typed, "WARUNG SITI." overwrote "Warung Siti").</summary>
public sealed class NameCaseTests
{
    [Theory]
    [InlineData("siti aminah", "Siti Aminah")]
    [InlineData("SITI AMINAH", "Siti Aminah")]
    [InlineData("WARUNG SITI.", "Warung Siti")]
    [InlineData("warung siti", "Warung Siti")]
    [InlineData("cv maju jaya", "CV Maju Jaya")]
    [InlineData("KSP SEJAHTERA", "KSP Sejahtera")]
    [InlineData("ahmad bin umar", "Ahmad bin Umar")]
    [InlineData("siti nur-halimah", "Siti Nur-Halimah")]
    [InlineData("toko 99", "Toko 99")]
    [InlineData("ma'ruf", "Ma'ruf")]
    public void Names_in_one_case_get_the_usual_capitals(string typed, string stored) => Assert.Equal(stored, NameCase.Tidy(typed));

    [Theory]
    [InlineData("Warung eSTeh")]
    [InlineData("McDonald")]
    [InlineData("Warung Bu Siti")]
    public void A_name_written_in_mixed_case_is_kept(string typed) => Assert.Equal(typed, NameCase.Tidy(typed));

    [Fact]
    public void Quick_entry_stores_the_same_name_whichever_way_it_is_typed()
    {
        var parser = new QuickEntryParser(
            QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "conversations")).Single(q => q.Id == "umkm"),
            RegionCatalog.Shared);
        var first = parser.Parse("#umkm\nNIK: 1601071205850001\nNama: siti aminah\nUsaha: Warung Siti\nDesa: Sukaraya\nKBLI: G", "16.01", new DateOnly(2022, 9, 12));
        var repeat = parser.Parse("#umkm\nNIK: 1601071205850001\nNama: SITI AMINAH\nUsaha: WARUNG SITI.\nDesa: Sukaraya\nKBLI: G", "16.01", new DateOnly(2022, 9, 12));
        Assert.Equal("Siti Aminah", first.Answers["nama_pemilik"]);
        Assert.Equal(first.Answers["nama_pemilik"], repeat.Answers["nama_pemilik"]);
        Assert.Equal("Warung Siti", repeat.Answers["nama_usaha"]);
    }

    [Fact]
    public void Proper_name_applies_to_text_questions_only()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "conversations", "umkm.yaml"))
            .Replace("  - id: tahun_mulai\n    type: year\n", "  - id: tahun_mulai\n    type: year\n    proper_name: true\n", StringComparison.Ordinal);
        var e = Assert.Throws<QuestionnaireDefinitionException>(() => QuestionnaireLoader.Load(yaml, "umkm.yaml"));
        Assert.Contains("proper_name", e.Message, StringComparison.Ordinal);
    }
}
