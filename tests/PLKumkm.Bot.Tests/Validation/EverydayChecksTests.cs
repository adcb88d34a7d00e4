using PLKumkm.Bot.Progress;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Validation;

/// <summary>Smaller things people expect (issue 13): English command words and dates, a short mobile number.</summary>
public sealed class EverydayChecksTests
{
    [Theory]
    [InlineData("ranking Sumsel", "Ranking")]
    [InlineData("chart Sumsel", "Chart")]
    [InlineData("/ranking Sumsel", "Ranking")]
    [InlineData("peringkat Sumsel", "Ranking")]
    public void English_command_words_for_ranking_and_chart(string text, string expected)
    {
        var kind = Enum.Parse<ProgressKind>(expected);
        var request = ProgressRequest.Parse(text);
        Assert.NotNull(request);
        Assert.Equal(kind, request.Kind);
        Assert.Equal("Sumsel", request.RegionText.Trim());
    }

    [Fact]
    public void A_short_number_starting_with_8_is_a_short_mobile_number_not_a_landline()
    {
        var error = Expect.Error(PhoneParser.Parse("62812777"));
        Assert.DoesNotContain("rumah/kantor", error.Id, StringComparison.Ordinal);
        Assert.DoesNotContain("landline", error.En, StringComparison.Ordinal);
        Assert.Contains("terlalu pendek", error.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_landline_is_still_called_one() =>
        Assert.Contains("rumah/kantor", Expect.Error(PhoneParser.Parse("0711 123456")).Id, StringComparison.Ordinal);

    [Fact]
    public void Dates_in_English_use_English_month_names()
    {
        Assert.Equal("3 December 2026", DateParser.Format(new DateOnly(2026, 12, 3), "en"));
        Assert.Equal("3 Desember 2026", DateParser.Format(new DateOnly(2026, 12, 3), "id"));
    }
}
