using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Core;

/// <summary>
/// Invisible formatting characters (issue 12: "\u202eAmina\u202c" was stored and exported as typed, so a spreadsheet
/// showed "animA" and a search for "Amina" missed it) never reach what is stored.
/// </summary>
public sealed class InvisibleTextTests
{
    public static TheoryData<string, string> Ugly => new()
    {
        { "\u202eAmina\u202c", "Amina" },
        { "\u202aSiti\u202b Aminah\u202d", "Siti Aminah" },
        { "\u2066Budi\u2069 \u2067Santoso\u2068", "Budi Santoso" },
        { "Wa\u200Brung\u200C Bu\u200D Siti", "Warung Bu Siti" },
        { "\uFEFFToko\u2060 Maju", "Toko Maju" },
        { "Ma\u00ADdu\u00ADra", "Madura" },
        { "Kedai\u061C Kopi\u180E", "Kedai Kopi" },
        { "\u200E\u200FDewi", "Dewi" },
        { "Tag\U000E0041\U000E007F", "Tag" },
        { "Warung ☕ Pagi", "Warung ☕ Pagi" },
        { "José Niño", "José Niño" },
        { "\u202e", "" },
    };

    [Theory]
    [MemberData(nameof(Ugly))]
    public void Formatting_characters_are_removed_and_the_rest_kept(string typed, string kept) =>
        Assert.Equal(kept, InvisibleText.Strip(typed));

    [Theory]
    [MemberData(nameof(Ugly))]
    public void The_chat_s_clean_up_removes_them(string typed, string kept) => Assert.Equal(kept, TextNormalizer.Clean(typed));

    [Theory]
    [MemberData(nameof(Ugly))]
    public void The_parsers_clean_up_removes_them(string typed, string kept) => Assert.Equal(kept, InputText.Clean(typed));

    [Fact]
    public void Plain_text_comes_back_as_the_same_string()
    {
        const string plain = "Siti Aminah";
        Assert.Same(plain, InvisibleText.Strip(plain));
    }

    [Fact]
    public void An_override_between_spaces_leaves_one_space() =>
        Assert.Equal("Siti Aminah", TextNormalizer.Clean("Siti \u202e Aminah"));
}
