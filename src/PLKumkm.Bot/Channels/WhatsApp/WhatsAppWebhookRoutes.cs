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
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

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

    private async Task<IResult> ReceiveAsync(
        HttpRequest request, WebhookInbox inbox, UnreadableUpdates unreadable, UnauthenticatedReads reads,
        IOptions<WebhookOptions> limits, TimeProvider clock, CancellationToken ct)
    {
        if (!WhatsAppSignature.TryParse(request.Headers[WhatsAppSignature.Header].ToString(), out var signature))
        {
            LogRejected("no signature or not one in form");
            return Results.Unauthorized();
        }

        // Who sent it is known only once the whole body is read, so only a few such reads at a time.
        using var place = reads.TryEnter();
        if (place is null)
        {
            LogBusy();
            return reads.Busy(request.HttpContext.Response);
        }

        string payload;
        using (var body = await WebhookBody.ReadAsync(request, limits.Value.WhatsAppMaxBodyBytes, limits.Value.BodyReadTimeout, clock, ct))
        {
            if (body.Refusal is { } refusal)
            {
                LogRejected("body too large, too slow or malformed");
                return refusal;
            }

            if (!WhatsAppSignature.Matches(body.Bytes, signature, options.Value.AppSecret!))
            {
                LogRejected("bad signature");
                return Results.Unauthorized();
            }

            try
            {
                payload = StrictUtf8.GetString(body.Bytes);
            }
            catch (DecoderFallbackException e)
            {
                // Signed by Meta, so acknowledged: a 4xx is retried for days and then dropped. Kept (with the bad
                // bytes replaced) for an operator to look at.
                LogUnreadable(e.GetType().Name);
                var kept = Encoding.UTF8.GetString(body.Bytes);
                await unreadable.KeepAsync(WhatsAppWebhookTranslator.Channel, kept, e.GetType().Name, ct);
                return Results.Ok();
            }
        }

        place.Dispose();
        await inbox.EnqueueAsync(WhatsAppWebhookTranslator.Channel, payload, ct);
        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp webhook POST refused with 503: every unauthenticated reading place is taken")]
    private partial void LogBusy();

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp webhook verified")]
    private partial void LogVerified();

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp webhook verification refused (wrong mode or verify token)")]
    private partial void LogVerificationRefused();

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp webhook body cannot be read ({Failure}); kept as unreadable")]
    private partial void LogUnreadable(string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp webhook POST rejected: {Reason}")]
    private partial void LogRejected(string reason);
}
