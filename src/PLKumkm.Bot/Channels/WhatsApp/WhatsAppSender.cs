using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// Delivers <see cref="OutboundMessage"/>s through the Cloud API, rendered by <see cref="WhatsAppRenderer"/>; outside
/// the 24-hour window a reply goes out as its configured template (<see cref="WhatsAppOptions.Templates"/>).
/// </summary>
internal sealed partial class WhatsAppSender(
    WhatsAppGraphClient graph,
    WhatsAppRetryPolicy retry,
    IOptions<WhatsAppOptions> options,
    ILogger<WhatsAppSender> logger)
    : IChannelSender
{
    /// <summary>The default template's parameter is one short line: Meta refuses a parameter with a line break, a tab
    /// or more than four spaces in a row (132018), and a preview is all it needs to be.</summary>
    private const int PreviewLength = 60;

    public string Channel => WhatsAppWebhookTranslator.Channel;

    /// <summary>Throttling, a 5xx, the network, or a code that says what became of the message: one log line each.</summary>
    public string? DescribeExpectedFault(Exception exception) =>
        exception is WhatsAppOutsideWindowException
        || exception is WhatsAppApiException { ErrorCode: { } code } && WhatsAppErrorCodes.Classify(code) != DeliveryFailure.Retry
        || retry.RetryDelay(exception, 1, CancellationToken.None) is not null
            ? WhatsAppRetryPolicy.Describe(exception)
            : null;

    /// <summary>
    /// The window closed with no template to send instead, and the codes Meta documents as final for the message or
    /// the number; anything else is retried from the outbox as before.
    /// </summary>
    public DeliveryFailure Classify(Exception exception) => exception switch
    {
        WhatsAppOutsideWindowException => DeliveryFailure.Permanent,
        WhatsAppApiException { ErrorCode: { } code } => WhatsAppErrorCodes.Classify(code),
        _ => DeliveryFailure.Retry,
    };

    public Task SendAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken) =>
        SendForIdAsync(chatId, message, cancellationToken);

    public async Task<string?> SendForIdAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.WindowClosed)
        {
            return await SendTemplateAsync(chatId, message, cancellationToken);
        }

        string? last = null;
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
                last = await SendBodyAsync(body, cancellationToken) ?? last;
            }

            return last;
        }
        catch (WhatsAppOutsideWindowException) when (last is null)
        {
            // Nothing of it went out: the whole reply is what the template stands for.
            return await SendTemplateAsync(chatId, message, cancellationToken);
        }
    }

    /// <summary>
    /// A no-op: the Cloud API's typing indicator is only described by third parties here (UNCONFIRMED in
    /// docs/channels.md) and needs the id of the person's last message, which a reply does not carry.
    /// </summary>
    public Task ShowTypingAsync(string chatId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The reply's template, or <see cref="WhatsAppOutsideWindowException"/> when none fits (the outbox then keeps the
    /// reply as failed, in one log line, instead of retrying what cannot succeed).
    /// </summary>
    private async Task<string?> SendTemplateAsync(string chatId, OutboundMessage message, CancellationToken ct)
    {
        // A kind without a template of its own falls back to the default one, which says only that a message waits.
        var own = message.Template is null ? null : options.Value.TemplateFor(message.Template);
        var kind = own is null ? WhatsAppOptions.DefaultTemplateKind : message.Template!;
        var template = WhatsAppChats.IsGroup(chatId) ? null : own ?? options.Value.TemplateFor(null);
        if (template?.Name is not { } name)
        {
            throw new WhatsAppOutsideWindowException(400, templateConfigured: false);
        }

        var values = (own is null ? null : message.TemplateParameters) ?? DefaultParameters(message, template.Parameters);
        if (values.Count != template.Parameters)
        {
            LogTemplateMismatch(kind, values.Count, template.Parameters);
            throw new WhatsAppOutsideWindowException(400, templateConfigured: false);
        }

        var wamid = await SendBodyAsync(WhatsAppRenderer.Template(chatId, name, template.Language, values), ct);
        LogSentAsTemplate(kind);
        return wamid;
    }

    /// <summary>The default template's one parameter is what the reply starts with, as one short line.</summary>
    private static List<string> DefaultParameters(OutboundMessage message, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var firstLine = message.Text.Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .FirstOrDefault(l => l.Length > 0) ?? message.Attachment?.FileName ?? "PL-KUMKM";
        var preview = firstLine.Length <= PreviewLength ? firstLine : firstLine[..(PreviewLength - 1)].TrimEnd() + "…";
        return count == 1 ? [preview] : [];
    }

    private Task<string?> SendBodyAsync(JsonObject body, CancellationToken ct) =>
        retry.ExecuteAsync(token => graph.SendMessageAsync(body, token), "send", logger, ct);

    private Task<string> UploadAsync(WhatsAppMediaPart media, CancellationToken ct) =>
        retry.ExecuteAsync(
            token => graph.UploadMediaAsync(media.Attachment.Content, media.Attachment.MediaType, media.Attachment.FileName, token),
            "media upload", logger, ct);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "WhatsApp reply sent as its {Kind} template: the 24-hour customer service window is closed (131047)")]
    private partial void LogSentAsTemplate(string kind);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "WhatsApp template {Kind} takes {Expected} parameter(s) but the reply has {Count}; not sent as a template")]
    private partial void LogTemplateMismatch(string kind, int count, int expected);
}
