using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Webhooks;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>
/// <c>POST /webhooks/telegram</c>: one Update per request, authenticated by the secret token header,
/// then queued and acknowledged at once (Telegram holds back the chat's next update until we answer).
/// </summary>
internal sealed partial class TelegramWebhookRoutes(IOptions<TelegramOptions> options, ILogger<TelegramWebhookRoutes> logger)
    : IHttpRoutes
{
    public const string Path = "/webhooks/telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public void Map(IEndpointRouteBuilder routes) => routes.MapPost(Path, ReceiveAsync);

    private async Task<IResult> ReceiveAsync(
        HttpRequest request, WebhookInbox inbox, IOptions<WebhookOptions> limits, TimeProvider clock, CancellationToken ct)
    {
        // The secret is a header: a stranger's post is refused before a byte of its body is read.
        if (!FixedTime.Equals(request.Headers[SecretHeader].ToString(), options.Value.WebhookSecret))
        {
            LogRejected();
            request.HttpContext.Response.Headers.Connection = "close";
            return Results.Unauthorized();
        }

        string payload;
        using (var body = await WebhookBody.ReadAsync(request, limits.Value.TelegramMaxBodyBytes, limits.Value.BodyReadTimeout, clock, ct))
        {
            if (body.Refusal is { } refusal)
            {
                return refusal;
            }

            // Authenticated, so acknowledged and kept whatever it holds: a 4xx makes Telegram retry and then drop it, and an
            // update with a union member the client library does not know yet is still someone writing to us. What cannot be
            // read is marked so by the inbox (logged once) instead.
            payload = Encoding.UTF8.GetString(body.Bytes);
        }

        await inbox.EnqueueAsync(TelegramUpdateTranslator.Channel, payload, ct);
        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram webhook POST rejected: missing or wrong secret token")]
    private partial void LogRejected();
}
