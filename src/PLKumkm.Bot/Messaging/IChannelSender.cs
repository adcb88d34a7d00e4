namespace PLKumkm.Bot.Messaging;

/// <summary>Delivers outbound messages on one channel. Implemented by each channel adapter.</summary>
internal interface IChannelSender
{
    /// <summary>The channel name used in addresses, e.g. <c>telegram</c>.</summary>
    string Channel { get; }

    Task SendAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>Shows a "typing…" indicator where the channel has one; a no-op otherwise.</summary>
    Task ShowTypingAsync(string chatId, CancellationToken cancellationToken);
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
