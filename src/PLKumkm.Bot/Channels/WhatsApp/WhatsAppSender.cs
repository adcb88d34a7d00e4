using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>Delivers <see cref="OutboundMessage"/>s through the Cloud API, rendered by <see cref="WhatsAppRenderer"/>.</summary>
internal sealed partial class WhatsAppSender(WhatsAppGraphClient graph, WhatsAppRetryPolicy retry, ILogger<WhatsAppSender> logger)
    : IChannelSender
{
    public string Channel => WhatsAppWebhookTranslator.Channel;

    /// <summary>Throttling, a 5xx, the network, or the closed 24-hour window (logged apart): kept and retried later.</summary>
    public string? DescribeExpectedFault(Exception exception) =>
        exception is WhatsAppOutsideWindowException || retry.RetryDelay(exception, 1, CancellationToken.None) is not null
            ? WhatsAppRetryPolicy.Describe(exception)
            : null;

    public async Task SendAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            foreach (var part in WhatsAppRenderer.Render(chatId, message))
            {
                var body = part switch
                {
                    WhatsAppJsonPart json => json.Body,
                    WhatsAppMediaPart media => WhatsAppRenderer.Media(chatId, media, await UploadAsync(media, cancellationToken)),
                    _ => throw new InvalidOperationException($"Unknown WhatsApp part {part.GetType().Name}"),
                };
                await retry.ExecuteAsync(ct => graph.SendMessageAsync(body, ct), "send", logger, cancellationToken);
            }
        }
        catch (WhatsAppOutsideWindowException)
        {
            // Thrown on, so the outbox keeps the reply instead of dropping it.
            LogOutsideWindow();
            throw;
        }
    }

    /// <summary>
    /// A no-op: the Cloud API's typing indicator is only described by third parties here (UNCONFIRMED in
    /// docs/channels.md) and needs the id of the person's last message, which a reply does not carry.
    /// </summary>
    public Task ShowTypingAsync(string chatId, CancellationToken cancellationToken) => Task.CompletedTask;

    private Task<string> UploadAsync(WhatsAppMediaPart media, CancellationToken ct) =>
        retry.ExecuteAsync(
            token => graph.UploadMediaAsync(media.Attachment.Content, media.Attachment.MediaType, media.Attachment.FileName, token),
            "media upload", logger, ct);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "WhatsApp reply not sent: the 24-hour customer service window is closed (131047); it stays in the outbox")]
    private partial void LogOutsideWindow();
}
