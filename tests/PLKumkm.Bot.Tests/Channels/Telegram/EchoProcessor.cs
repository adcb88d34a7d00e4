using System.Collections.Concurrent;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Tests.Channels.Telegram;

/// <summary>Records every inbound message and answers "echo: …" through the channel sender;
/// <see cref="Before"/> lets a test block or fail chosen messages.</summary>
internal sealed class EchoProcessor(IChannelSender sender) : IInboundProcessor
{
    private readonly ConcurrentQueue<InboundMessage> _received = new();

    public Func<InboundMessage, CancellationToken, Task>? Before { get; set; }

    public IReadOnlyList<InboundMessage> Received => [.. _received];

    public async Task ProcessAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        _received.Enqueue(message);
        if (Before is { } before)
        {
            await before(message, cancellationToken);
        }

        await sender.SendAsync(message.ChatId, OutboundMessage.Plain("echo: " + Describe(message.Content)), cancellationToken);
    }

    public static string Describe(InboundContent content) => content switch
    {
        TextInput t => t.Text,
        ChoiceInput c => "choice " + c.Value,
        ContactInput c => $"contact {c.PhoneNumber} own={c.IsSendersOwn}",
        LocationInput l => FormattableString.Invariant($"location {l.Latitude} {l.Longitude}"),
        PhotoInput p => "photo " + p.FileRef,
        UnsupportedInput u => "unsupported " + u.Kind,
        _ => content.GetType().Name,
    };
}
