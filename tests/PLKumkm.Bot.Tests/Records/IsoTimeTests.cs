using PLKumkm.Bot.Records;

namespace PLKumkm.Bot.Tests.Records;

public sealed class IsoTimeTests
{
    [Theory]
    [InlineData("2022-09-12T10:15:00+07:00", "2022-09-12T03:15:00.0000000+00:00")]
    [InlineData("2022-09-12 10:15:00+08:00", "2022-09-12T02:15:00.0000000+00:00")]
    [InlineData("2022-09-12T16:59:59.5Z", "2022-09-12T16:59:59.5000000+00:00")]
    [InlineData("2022-09-12T00:00:00-03:30", "2022-09-12T03:30:00.0000000+00:00")]
    public void Reads_ISO_times_with_an_offset(string text, string utc)
    {
        Assert.True(IsoTime.TryParse(text, out var at));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), at);
        Assert.Equal(at, DateTimeOffset.Parse(IsoTime.Format(at), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2022-09-12T10:15:00")]
    [InlineData("2022-09-12")]
    [InlineData("12/09/2022 10:15")]
    [InlineData("2022-02-30T10:15:00+07:00")]
    [InlineData("2022-09-12T24:00:00+07:00")]
    [InlineData("2022-09-12T10:15:00+7")]
    [InlineData("2022-09-12T10:15:00.+07:00")]
    public void Refuses_anything_else(string text) => Assert.False(IsoTime.TryParse(text, out _));
}
