using System.Text.RegularExpressions;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Conversations;

/// <summary>The village question's help gives examples a person can rely on (issue 13: its code was in another district).</summary>
public sealed partial class RegionHelpTests
{
    public static TheoryData<string> Questionnaires() => ["umkm", "koperasi"];

    [Theory]
    [MemberData(nameof(Questionnaires))]
    public void The_example_code_is_the_village_and_district_the_help_names(string id)
    {
        var questionnaire = QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "conversations")).Single(q => q.Id == id);
        var region = questionnaire.Questions.Single(q => q.Type == QuestionType.Region);
        foreach (var help in new[] { region.Help!.Id, region.Help.En })
        {
            var code = Assert.Single(VillageCode().Matches(help)).Value;
            var village = RegionCatalog.Shared.Find(code);
            Assert.NotNull(village);
            Assert.Equal(RegionLevel.Village, village.Level);
            Assert.Contains(village.Name, help, StringComparison.Ordinal);
            Assert.Contains(RegionCatalog.Shared.DistrictOf(code)!.Name, help, StringComparison.Ordinal);

            // The example name typed at the first step finds something.
            var example = ExampleName().Match(help).Groups[1].Value;
            Assert.NotEmpty(RegionCatalog.Shared.SearchBelowProvinces(example));
        }
    }

    [GeneratedRegex(@"\d{2}\.\d{2}\.\d{2}\.\d{4}")]
    private static partial Regex VillageCode();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex ExampleName();
}
