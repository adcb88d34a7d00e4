using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging.Commands;

namespace PLKumkm.Bot.Messaging;

/// <summary>One entry of the command menu channels show next to the input box (without the slash).</summary>
internal sealed record MenuCommand(string Command, UserText Description);

/// <summary>The bot's command menu: the command table's entries that have a menu line, in table order.</summary>
internal static class CommandMenu
{
    public static IReadOnlyList<MenuCommand> All { get; } =
        [.. ChatCommands.Table.Entries.Where(e => e.Menu is not null).Select(e => new MenuCommand(e.Names[0], e.Menu!))];
}
