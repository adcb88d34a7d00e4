using System.Collections.Concurrent;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Webhooks;

/// <summary>How a body ends: marked processed, kept for a retry with its backoff, or given up on with an apology.</summary>
internal sealed partial class WebhookInboxService
{
    private async Task<RowResult> FinishAsync(QueuedBody body, ConcurrentQueue<(WebhookUpdate Update, Exception Error)> failures)
    {
        var attempts = body.Attempts + 1;
        if (failures.IsEmpty)
        {
            await store.MarkProcessedAsync(body.Id, attempts);
            return new RowResult(Done: true, attempts, default);
        }

        var error = failures.First().Error.GetType().Name;
        foreach (var (_, e) in failures)
        {
            LogUpdateFailed(e, body.Id, body.Channel, attempts, settings.MaxAttempts);
        }

        if (attempts < settings.MaxAttempts)
        {
            await store.MarkFailedAsync(body.Id, attempts, error);
            return new RowResult(Done: false, attempts, clock.GetUtcNow() + settings.RetryDelay(attempts));
        }

        await store.MarkGivenUpAsync(body.Id, attempts, error);
        LogGivenUp(body.Id, body.Channel, attempts);
        foreach (var (update, _) in failures)
        {
            if (update.Message is { } message)
            {
                await ApologizeAsync(message, body.Id);
            }
        }

        return new RowResult(Done: true, attempts, default);
    }

    /// <summary>Best effort: the person should not wait forever for an answer that will not come.</summary>
    private async Task ApologizeAsync(InboundMessage message, long rowId)
    {
        if (!_senders.TryGetValue(message.Channel, out var sender))
        {
            return;
        }

        try
        {
            await sender.SendAsync(message.ChatId, OutboundMessage.Plain(Apology), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogApologyFailed(e.GetType().Name, rowId, message.Channel);
        }
    }

    private sealed record RowResult(bool Done, int Attempts, DateTimeOffset NotBefore);
}
