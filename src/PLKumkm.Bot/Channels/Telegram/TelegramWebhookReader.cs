using System.Text.Json;
using Microsoft.Extensions.Logging;
using PLKumkm.Bot.Webhooks;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>
/// Reads queued Telegram updates (webhook mode) with the same translator as polling, so both modes share
/// the update keys (<c>telegram:&lt;update_id&gt;</c>) and therefore the pipeline's dedup.
/// </summary>
internal sealed class TelegramWebhookReader(ITelegramBotClient bot, TelegramBotIdentity identity, ILogger<TelegramWebhookReader> logger) : IWebhookReader
{
    public string Channel => TelegramUpdateTranslator.Channel;

    public IReadOnlyList<WebhookUpdate> Read(string payload, DateTimeOffset receivedAt)
    {
        var update = JsonSerializer.Deserialize<Update>(payload, JsonBotAPI.Options)
            ?? throw new JsonException("empty Telegram update");
        var chat = TelegramUpdateTranslator.ChatOf(update) is { } id ? TelegramUpdateTranslator.ChatIdText(id) : "";
        var message = TelegramUpdateTranslator.Translate(update, receivedAt, identity.Username);
        if (message is null)
        {
            logger.LogDebug("Telegram update {UpdateId} of type {UpdateType} ignored", update.Id, update.Type);
        }

        var callbackId = update.CallbackQuery?.Id;
        return
        [
            new WebhookUpdate(chat, message)
            {
                BeforeProcessing = callbackId is null ? null : ct => AnswerCallbackAsync(callbackId, update.Id, ct),
            },
        ];
    }

    private Task AnswerCallbackAsync(string callbackQueryId, int updateId, CancellationToken ct) =>
        TelegramCallbacks.AnswerAsync(bot, logger, callbackQueryId, updateId, ct);
}
