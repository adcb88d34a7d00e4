using Microsoft.Extensions.Logging;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>Publishes <see cref="CommandMenu"/> as the bot's menu (Indonesian by default, English for English clients).</summary>
internal static class TelegramCommandMenu
{
    public static async Task PublishAsync(ITelegramBotClient bot, ILogger logger, CancellationToken ct)
    {
        await SetAsync(bot, logger, languageCode: null, Languages.Indonesian, ct).ConfigureAwait(false);
        await SetAsync(bot, logger, Languages.English, Languages.English, ct).ConfigureAwait(false);
    }

    /// <summary>The menu is a convenience; the bot works without it, so a failure is only logged.</summary>
    private static async Task SetAsync(ITelegramBotClient bot, ILogger logger, string? languageCode, string language, CancellationToken ct)
    {
        var commands = CommandMenu.All.Select(c => new BotCommand(c.Command, c.Description.In(language)));
        try
        {
            await bot.SetMyCommands(commands, languageCode: languageCode, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Telegram setMyCommands ({Language}) failed ({Failure})",
                languageCode ?? "default", TelegramRetryPolicy.Describe(ex));
        }
    }
}
