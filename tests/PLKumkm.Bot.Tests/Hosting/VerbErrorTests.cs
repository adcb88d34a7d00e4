namespace PLKumkm.Bot.Tests.Hosting;

/// <summary>A mistyped verb or a bad setting stops with exit 1 and one line, never starts the bot.</summary>
[Trait(TestCategories.Key, TestCategories.Slow)]
public sealed class VerbErrorTests
{
    [Theory]
    [InlineData("progres", "did you mean 'progress'?")]
    [InlineData("tagrets", "did you mean 'targets'?")]
    [InlineData("hello", "verbs: run, chat")]
    public async Task A_word_that_is_no_verb_exits_1_naming_the_closest_verb(string word, string hint)
    {
        var outcome = await VerbHarness.RunAsync(word, "OKU");
        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: unknown verb '{word}'", line);
        Assert.Contains(hint, line);
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public async Task A_stray_word_after_run_or_chat_exits_1()
    {
        var run = await VerbHarness.RunAsync("run", "OKU");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unexpected argument 'OKU'", run.Error);

        var chat = await VerbHarness.RunAsync("chat", "budi");
        Assert.Equal(1, chat.ExitCode);
        Assert.Contains("unexpected argument 'budi'", chat.Error);
    }

    [Fact]
    public async Task A_phone_that_is_no_mobile_number_exits_1()
    {
        var outcome = await VerbHarness.RunAsync("chat", "--phone", "12");
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("error: --phone:", outcome.Error);
    }

    [Fact]
    public async Task A_bad_bot_token_is_one_line_without_a_stack_trace()
    {
        var folder = Directory.CreateTempSubdirectory("plkumkm-cwd-");
        try
        {
            var run = await BotProcess.DotnetRunAsync(folder.FullName, null, new Dictionary<string, string> { ["Telegram__BotToken"] = "abc" });
            Assert.Equal(1, run.ExitCode);
            Assert.Equal("", run.Output);
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: Telegram:BotToken does not look like a bot token", line);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
