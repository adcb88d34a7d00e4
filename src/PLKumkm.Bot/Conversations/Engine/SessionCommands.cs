using PLKumkm.Bot.Messaging.Commands;

namespace PLKumkm.Bot.Conversations.Engine;

internal enum SessionCommand
{
    Back,
    Skip,
    Cancel,
    Help,
}

/// <summary>The commands that work inside every question, with or without the slash (their names are the command table's).</summary>
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

        return ChatCommands.Table.Find(word.TrimStart('/')) switch
        {
            var e when e == ChatCommands.Back => SessionCommand.Back,
            var e when e == ChatCommands.Skip => SessionCommand.Skip,
            var e when e == ChatCommands.Cancel => SessionCommand.Cancel,
            var e when e == ChatCommands.Help => SessionCommand.Help,
            _ => null,
        };
    }
}
