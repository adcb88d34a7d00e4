namespace PLKumkm.Bot.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void UserTextPicksLanguage() =>
        Assert.Equal("Halo", new PLKumkm.Bot.Messaging.UserText("Halo", "Hello").In("id"));
}
