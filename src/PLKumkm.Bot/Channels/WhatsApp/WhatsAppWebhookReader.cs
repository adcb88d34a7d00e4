using Microsoft.Extensions.Options;
using PLKumkm.Bot.Webhooks;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>Reads queued WhatsApp webhook bodies for the inbox; each sender's wa_id is their chat lane.</summary>
internal sealed partial class WhatsAppWebhookReader(IOptions<WhatsAppOptions> options, ILogger<WhatsAppWebhookReader> logger)
    : IWebhookReader
{
    public string Channel => WhatsAppWebhookTranslator.Channel;

    public IReadOnlyList<WebhookUpdate> Read(string payload, DateTimeOffset receivedAt)
    {
        var result = WhatsAppWebhookTranslator.Translate(payload, receivedAt, options.Value.PhoneNumberId?.Trim());
        if (result.Statuses + result.Errors + result.Ignored > 0)
        {
            // Counts only: statuses and errors name recipients' phone numbers.
            LogSkipped(result.Statuses, result.Errors, result.Ignored);
        }

        return result.Messages.Select(m => new WebhookUpdate(m.ChatId, m)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "WhatsApp webhook: {Statuses} status callback(s), {Errors} error(s) and {Ignored} other item(s) not acted on")]
    private partial void LogSkipped(int statuses, int errors, int ignored);
}
