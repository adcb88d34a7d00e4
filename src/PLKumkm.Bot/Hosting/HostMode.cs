namespace PLKumkm.Bot.Hosting;

internal enum HostMode
{
    /// <summary>Every configured channel; the console chat when none is configured.</summary>
    Run,

    /// <summary>The console chat only, whatever else is configured.</summary>
    Chat,

    /// <summary>No channel: a command-line verb works on the database and exits.</summary>
    Tool,
}
