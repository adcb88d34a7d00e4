using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Types;

namespace PLKumkm.Bot.Tests.Conversations.Types;

public sealed class QuestionTypeRegistryTests
{
    [Fact]
    public void The_built_in_types_are_the_ones_the_questionnaire_files_name()
    {
        Assert.Equal(
            ["text", "integer", "money", "nik", "phone", "yesno", "choice", "multichoice", "year", "date", "region", "location", "photo", "kbli", "nib"],
            QuestionTypeRegistry.Default.Names);
    }

    [Theory]
    [InlineData("multi_choice", QuestionType.MultiChoice)]
    [InlineData("YesNo", QuestionType.YesNo)]
    [InlineData("yes_no", QuestionType.YesNo)]
    [InlineData("kbli", QuestionType.Kbli)]
    public void A_type_is_found_by_its_name_in_any_case_and_with_underscores(string written, string name) =>
        Assert.Equal(name, QuestionTypeRegistry.Default.Find(written)?.Name);

    [Fact]
    public void An_unknown_name_finds_nothing() => Assert.Null(QuestionTypeRegistry.Default.Find("texte"));

    [Fact]
    public void A_name_registered_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => QuestionTypeRegistry.Default.With(new TextType()));

    [Fact]
    public void Load_errors_name_the_types_that_read_a_key() =>
        Assert.Equal("choice, multichoice and kbli", QuestionTypeRegistry.Default.NamesWith(QuestionKeys.Options));
}
