using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Webhooks;

/// <summary>
/// Turns one queued webhook body of a channel into the updates it carries, in order. Implemented by each
/// channel that receives webhooks; it only translates (no business logic), like every adapter.
/// </summary>
internal interface IWebhookReader
{
    /// <summary>The channel name the webhook route queued the body under, e.g. <c>whatsapp</c>.</summary>
    string Channel { get; }

    /// <summary>Reads a body that the route already authenticated. Throws when it cannot be read at all;
    /// that body is then given up on, since reading it again cannot help.</summary>
    IReadOnlyList<WebhookUpdate> Read(string payload, DateTimeOffset receivedAt);
}

/// <summary>
/// One update from a webhook body. <see cref="ChatKey"/> orders the work: updates with the same key are
/// processed strictly one after the other, different keys in parallel. <see cref="Message"/> is null for
/// updates the bot does not answer (delivery statuses, edits…).
/// </summary>
internal sealed record WebhookUpdate(string ChatKey, InboundMessage? Message)
{
    /// <summary>Channel courtesy due before processing (e.g. stopping a Telegram button's spinner).
    /// Best effort: it must not throw, and it may run again when the update is retried.</summary>
    public Func<CancellationToken, Task>? BeforeProcessing { get; init; }

    /// <summary>A delivery status of a message the bot sent (with <see cref="Message"/> null): applied to its outbox row.</summary>
    public DeliveryReport? Report { get; init; }
}
