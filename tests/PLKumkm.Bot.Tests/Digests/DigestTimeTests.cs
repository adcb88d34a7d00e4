using PLKumkm.Bot.Digests;

namespace PLKumkm.Bot.Tests.Digests;

public sealed class DigestTimeTests
{
    [Theory]
    [InlineData("07.00", 420)]
    [InlineData("7", 420)]
    [InlineData("7:30", 450)]
    [InlineData("jam 18", 1080)]
    [InlineData("pukul 06.15 WIB", 375)]
    [InlineData("  23.59 ", 1439)]
    [InlineData("0", 0)]
    [InlineData("24.00", null)]
    [InlineData("7.75", null)]
    [InlineData("tujuh", null)]
    [InlineData("", null)]
    [InlineData("18.3", null)]
    public void Reads_the_times_people_type(string text, int? minute) => Assert.Equal(minute, DigestTime.Parse(text));

    [Fact]
    public void Writes_the_time_as_each_language_does()
    {
        Assert.Equal("07.05", DigestTime.Format(425, en: false));
        Assert.Equal("07:05", DigestTime.Format(425, en: true));
    }
}
