namespace PLKumkm.Bot.Messaging;

/// <summary>A slash command as typed: <c>/start</c>, <c>/start@PlKumkmBot payload</c>, <c>/bahasa en</c>; the command table
/// (<see cref="Commands.CommandTable.Match"/>) says which command it is.</summary>
internal sealed record ChatCommand(string Name, string Arguments)
{
    public static ChatCommand? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (!trimmed.StartsWith('/') || trimmed.Length < 2)
        {
            return null;
        }

        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        var head = space < 0 ? trimmed[1..] : trimmed[1..space];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            head = head[..at];
        }

        var arguments = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        return new ChatCommand(head.ToLowerInvariant(), arguments);
    }
}
