namespace PLKumkm.Bot.Messaging;

/// <summary>Delivers outbound messages on one channel. Implemented by each channel adapter.</summary>
internal interface IChannelSender
{
    /// <summary>The channel name used in addresses, e.g. <c>telegram</c>.</summary>
    string Channel { get; }

    Task SendAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Sends like <see cref="SendAsync"/> and returns the id the channel gave the message (the last part's, when it
    /// went out in parts), or null on a channel whose later delivery reports do not refer to one.
    /// </summary>
    async Task<string?> SendForIdAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken)
    {
        await SendAsync(chatId, message, cancellationToken);
        return null;
    }

    /// <summary>What a failed send means: by default a passing fault, tried again later.</summary>
    DeliveryFailure Classify(Exception exception) => DeliveryFailure.Retry;

    /// <summary>Shows a "typing…" indicator where the channel has one; a no-op otherwise.</summary>
    Task ShowTypingAsync(string chatId, CancellationToken cancellationToken);

    /// <summary>
    /// A short description of a failure that is part of a channel's normal life (throttling, a server error or the
    /// network, retried later), or null for an unexpected one. Expected faults are logged in one line; only the
    /// unexpected get a stack trace.
    /// </summary>
    string? DescribeExpectedFault(Exception exception) =>
        exception is HttpRequestException or IOException or TimeoutException ? exception.GetType().Name : null;
}

/// <summary>The single entry point every channel hands its inbound updates to.</summary>
internal interface IInboundProcessor
{
    /// <summary>
    /// Processes one update: its effects and replies are committed to storage before this returns,
    /// so the channel may acknowledge it afterwards. An update seen before has no second effect.
    /// </summary>
    Task ProcessAsync(InboundMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A processor that can take a whole batch of updates (from many chats) in one go: each update's effects stay atomic
/// and updates are applied in the given order (so one chat's stay in order), but the batch is committed once and its
/// replies are delivered after that commit. Failed updates are returned so the channel can apologise for them.
/// </summary>
internal interface IInboundBatchProcessor
{
    /// <summary>Commits the batch and waits until its replies have been delivered.</summary>
    Task<IReadOnlyList<InboundFailure>> ProcessBatchAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken);

    /// <summary>
    /// Commits the batch and returns at once; the result's <see cref="InboundBatchResult.Delivered"/> completes when
    /// the replies have been sent. The channel may acknowledge the batch on return: its effects and replies are stored.
    /// </summary>
    Task<InboundBatchResult> CommitBatchAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken);
}

/// <summary>A committed batch: the updates that failed (none of their effects stored) and its replies' delivery.</summary>
internal sealed record InboundBatchResult(IReadOnlyList<InboundFailure> Failures, Task Delivered);

/// <summary>An update whose processing threw; none of its effects were stored.</summary>
internal sealed record InboundFailure(InboundMessage Message, Exception Exception);
