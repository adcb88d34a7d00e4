using Microsoft.Extensions.Options;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Observability;
using PLKumkm.Bot.Webhooks;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// Reads queued WhatsApp webhook bodies for the inbox; each sender's wa_id is their chat lane. A failed status becomes a
/// <see cref="DeliveryReport"/> in its recipient's lane; every status and value-level error is counted.
/// </summary>
internal sealed partial class WhatsAppWebhookReader(
    IOptions<WhatsAppOptions> options,
    ILogger<WhatsAppWebhookReader> logger,
    BotMetrics? metrics = null)
    : IWebhookReader
{
    private const string Failed = "failed";

    public string Channel => WhatsAppWebhookTranslator.Channel;

    public IReadOnlyList<WebhookUpdate> Read(string payload, DateTimeOffset receivedAt)
    {
        var result = WhatsAppWebhookTranslator.Translate(payload, receivedAt, options.Value.PhoneNumberId?.Trim());
        if (result.Statuses + result.Errors + result.Ignored > 0)
        {
            // Counts only: statuses and errors name recipients' phone numbers.
            LogSkipped(result.Statuses, result.Errors, result.Ignored);
        }

        var updates = result.Messages.Select(m => new WebhookUpdate(m.ChatId, m)).ToList();
        foreach (var status in result.StatusReports)
        {
            var failed = status.State == Failed;
            metrics?.DeliveryStatus(Channel, status.State is "sent" or "delivered" or "read" or Failed ? status.State : "other",
                failed ? status.ErrorCode : null);
            if (!failed)
            {
                continue;
            }

            var failure = status.ErrorCode is { } code ? WhatsAppErrorCodes.Classify(code) : DeliveryFailure.Retry;
            updates.Add(new WebhookUpdate(status.RecipientId ?? status.MessageId, null)
            {
                Report = new DeliveryReport(Channel, status.MessageId, Failed, status.ErrorCode, failure,
                    WindowClosed: status.ErrorCode == WhatsAppErrorCodes.OutsideWindow),
            });
        }

        foreach (var code in result.ErrorCodes)
        {
            metrics?.DeliveryStatus(Channel, "error", code);
            // Tied to no message, so nothing to mark: the code is what an operator needs (130429: slow down).
            LogValueError(code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");
        }

        return updates;
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "WhatsApp webhook: {Statuses} status callback(s), {Errors} error(s) and {Ignored} other item(s) not answered")]
    private partial void LogSkipped(int statuses, int errors, int ignored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp webhook reported error {Code}, not tied to a message")]
    private partial void LogValueError(string code);
}
