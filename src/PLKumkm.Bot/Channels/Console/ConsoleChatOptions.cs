namespace PLKumkm.Bot.Channels.Console;

/// <summary>Who is chatting in the terminal (the <c>chat --user ID --name NAME</c> verb sets these).</summary>
internal sealed class ConsoleChatOptions
{
    public const string Section = "ConsoleChat";

    public string UserId { get; set; } = "local";
    public string? Name { get; set; }

    /// <summary>Where pictures (charts) are written so their path can be printed.</summary>
    public string OutputFolder { get; set; } = "data/out";
}
