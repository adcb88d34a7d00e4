namespace PLKumkm.Bot.Tests.Staff;

/// <summary>/bantuan per role (issue 13: staff saw only the owner menu).</summary>
public sealed class StaffHelpTests
{
    [Theory]
    [InlineData("enumerator", "/kinerja")]
    [InlineData("coordinator", "/tinjau")]
    [InlineData("official", "/ekspor")]
    public async Task Help_shows_the_role_s_own_commands(string role, string command)
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("staff", "0811 2000 0001", role, "16.01", "Rudi");

        var help = StaffChat.Text(await chat.SayAsync("staff", "/bantuan"));
        Assert.Contains(command, help, StringComparison.Ordinal);
        Assert.Contains("/start", help, StringComparison.Ordinal);

        var owner = StaffChat.Text(await chat.SayAsync("owner", "/bantuan"));
        Assert.DoesNotContain(command, owner, StringComparison.Ordinal);
    }
}
