using Telegram.Bot.Types.Enums;

namespace PLKumkm.Bot.Channels.Telegram;

internal static class TelegramUpdateTypes
{
    /// <summary>
    /// What the bot asks Telegram for, in polling and webhook mode alike. Edits are asked for because an edited answer
    /// corrects it; reactions are not: they change nothing.
    /// </summary>
    public static readonly UpdateType[] Allowed = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery];
}
