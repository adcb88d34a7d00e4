namespace PLKumkm.Bot.Conversations.Engine;

internal enum SessionCommand
{
    Back,
    Skip,
    Cancel,
    Help,
}

/// <summary>The commands that work inside every question, with or without the slash.</summary>
internal static class SessionCommands
{
    public static SessionCommand? Parse(string text)
    {
        var word = text.Trim().ToLowerInvariant();
        var at = word.IndexOf('@', StringComparison.Ordinal);
        if (word.StartsWith('/') && at > 0)
        {
            word = word[..at];
        }

        return word.TrimStart('/') switch
        {
            "kembali" or "back" => SessionCommand.Back,
            "lewati" or "skip" => SessionCommand.Skip,
            "batal" or "cancel" or "batalkan" => SessionCommand.Cancel,
            "bantuan" or "help" or "tolong" => SessionCommand.Help,
            _ => null,
        };
    }
}
