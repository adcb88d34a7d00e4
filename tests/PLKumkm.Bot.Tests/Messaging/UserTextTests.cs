namespace PLKumkm.Bot.Tests.Messaging;

public sealed class UserTextTests
{
    [Fact]
    public void UserTextPicksLanguage() =>
        Assert.Equal("Halo", new PLKumkm.Bot.Messaging.UserText("Halo", "Hello").In("id"));
}
