namespace PLKumkm.Bot.Tests.Conversations;

/// <summary>The golden transcript format: a rewrite keeps everything but the bot's lines, and a difference is shown line by line.</summary>
public sealed class TranscriptFormatTests
{
    private const string File = """
        # a comment stays
        @consented
        > /start
        < (1/25) Siapa nama?
        > Siti
        < old reply
        < ---
        < second message
        <!  Jenis kelamin
        = nama Siti
        > 1601074508900001
        """;

    [Fact]
    public void Rewriting_with_what_was_said_keeps_the_file_as_it_was()
    {
        var transcript = Transcript.Parse("t", File);

        var rewritten = transcript.Rewrite(transcript.Steps.Select(s => (IReadOnlyList<string>)s.Golden).ToList());

        Assert.Equal(File + "\n", rewritten);
    }

    [Fact]
    public void Rewriting_replaces_only_the_bot_s_lines_and_fills_a_step_that_had_none()
    {
        var transcript = Transcript.Parse("t", File);

        var rewritten = transcript.Rewrite([["(1/25) Siapa nama?"], ["new reply", "", "  [Ya] ya"], ["(3/25) Jenis kelamin?"]]);

        Assert.Equal("""
            # a comment stays
            @consented
            > /start
            < (1/25) Siapa nama?
            > Siti
            < new reply
            <
            <   [Ya] ya
            <!  Jenis kelamin
            = nama Siti
            > 1601074508900001
            < (3/25) Jenis kelamin?

            """, rewritten);
    }

    [Fact]
    public void A_step_s_lines_parse_with_options_and_empty_lines_kept()
    {
        var step = Transcript.Parse("t", "> /start\n< Halo\n<\n<   [Setuju] ya\n< ---\n< Lagi").Steps.Single();

        Assert.Equal(["Halo", "", "  [Setuju] ya", "---", "Lagi"], step.Golden);
        Assert.Equal(["Halo\n", "Lagi"], Transcript.MessageTexts(step.Golden));
    }

    [Fact]
    public void A_difference_is_shown_as_removed_and_added_lines()
    {
        var diff = GoldenDiff.Describe(["sama", "lama"], ["sama", "baru"]);

        Assert.Equal("  sama\n- lama\n+ baru\n", diff.ReplaceLineEndings("\n"));
    }
}
