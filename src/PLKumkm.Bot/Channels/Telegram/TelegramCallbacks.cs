using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>A pressed button's spinner, stopped the same way in polling and webhook mode.</summary>
internal static class TelegramCallbacks
{
    /// <summary>Stops the button's spinner; the reply itself comes from processing. A failure only costs the spinner.</summary>
    public static async Task AnswerAsync(ITelegramBotClient bot, ILogger logger, string callbackQueryId, int updateId, CancellationToken ct)
    {
        try
        {
            await bot.AnswerCallbackQuery(callbackQueryId, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogDebug("Telegram answerCallbackQuery for update {UpdateId} failed ({Failure})",
                updateId, TelegramRetryPolicy.Describe(ex));
        }
    }
}
