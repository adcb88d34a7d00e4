using System.Text;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Webhooks;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// <c>GET /webhooks/whatsapp</c>: Meta's verification handshake. <c>POST /webhooks/whatsapp</c>: event
/// bodies, authenticated by their signature before anything else, then queued and acknowledged at once
/// (Meta retries anything slow or non-200; the work happens in the inbox service).
/// </summary>
internal sealed partial class WhatsAppWebhookRoutes(IOptions<WhatsAppOptions> options, ILogger<WhatsAppWebhookRoutes> logger)
    : IHttpRoutes
{
    public const string Path = "/webhooks/whatsapp";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, Verify);
        routes.MapPost(Path, ReceiveAsync);
    }

    private IResult Verify(HttpRequest request)
    {
        var query = request.Query;
        if (query["hub.mode"] == "subscribe"
            && FixedTime.Equals(query["hub.verify_token"].ToString(), options.Value.VerifyToken)
            && query["hub.challenge"].ToString() is { Length: > 0 } challenge)
        {
            LogVerified();
            return Results.Text(challenge, "text/plain", Encoding.UTF8);
        }

        LogVerificationRefused();
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, WebhookInbox inbox, UnreadableUpdates unreadable, CancellationToken ct)
    {
        var signature = request.Headers[WhatsAppSignature.Header].ToString();
        if (signature.Length == 0)
        {
            LogRejected("no signature");
            return Results.Unauthorized();
        }

        var body = await RawBody.ReadAsync(request, ct);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!WhatsAppSignature.IsValid(body, signature, options.Value.AppSecret!))
        {
            LogRejected("bad signature");
            return Results.Unauthorized();
        }

        string payload;
        try
        {
            payload = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException e)
        {
            // Signed by Meta, so acknowledged: a 4xx is retried for days and then dropped. Kept (with the bad bytes
            // replaced) for an operator to look at.
            LogUnreadable(e.GetType().Name);
            await unreadable.KeepAsync(WhatsAppWebhookTranslator.Channel, Encoding.UTF8.GetString(body), e.GetType().Name, ct);
            return Results.Ok();
        }

        await inbox.EnqueueAsync(WhatsAppWebhookTranslator.Channel, payload, ct);
        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp webhook verified")]
    private partial void LogVerified();

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp webhook verification refused (wrong mode or verify token)")]
    private partial void LogVerificationRefused();

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp webhook body cannot be read ({Failure}); kept as unreadable")]
    private partial void LogUnreadable(string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp webhook POST rejected: {Reason}")]
    private partial void LogRejected(string reason);
}
