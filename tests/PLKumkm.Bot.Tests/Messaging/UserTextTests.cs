using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Tests.Messaging;

public sealed class UserTextTests
{
    [Fact]
    public void UserTextPicksLanguage() =>
        Assert.Equal("Halo", new UserText("Halo", "Hello").In("id"));
}
