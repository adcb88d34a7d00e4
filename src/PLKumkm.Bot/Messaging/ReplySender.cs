using Microsoft.Extensions.Options;
using PLKumkm.Bot.Observability;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// Sends stored replies through their channel: one chat's strictly in order, stopping at its first failure so nothing
/// overtakes it; different chats in parallel.
/// </summary>
internal sealed partial class ReplySender(
    IEnumerable<IChannelSender> senders,
    IOptions<MessagingOptions> options,
    ILogger<ReplySender> logger,
    BotMetrics? metrics = null)
{
    private readonly Dictionary<string, IChannelSender> _senders =
        senders.GroupBy(s => s.Channel).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    /// <summary>Whether this process has a sender for the address's channel (another may run elsewhere).</summary>
    public bool Serves(string address) =>
        _senders.Keys.Any(c => address.StartsWith(c + ":", StringComparison.Ordinal));

    public Task SendChatsAsync(IReadOnlyList<OutboxMessage> messages, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        var chats = messages.GroupBy(m => m.Address, StringComparer.Ordinal).ToList();
        return chats.Count switch
        {
            0 => Task.CompletedTask,
            1 => SendChatAsync(chats[0], outcome, cancellationToken),
            _ => Parallel.ForEachAsync(chats, options.Value.ForChats(cancellationToken),
                (chat, ct) => new ValueTask(SendChatAsync(chat, outcome, ct))),
        };
    }

    /// <summary>One chat's replies, in the given order.</summary>
    public async Task SendChatAsync(IEnumerable<OutboxMessage> messages, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            var (channel, chatId) = ChannelAddress.Split(message.Address);
            if (!_senders.TryGetValue(channel, out var sender))
            {
                outcome.AddFailed(message.Id, $"no sender for channel '{channel}'");
                continue;
            }

            try
            {
                var channelId = await sender.SendForIdAsync(chatId, OutboxPayload.Deserialize(message.PayloadJson), cancellationToken);
                outcome.AddSent(message.Id, channelId, OutboxStore.ForgottenOnceSent(message));
                metrics?.ReplySent(channel);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                metrics?.SendFailed(channel, e.GetType().Name);
                var fault = sender.DescribeExpectedFault(e);
                var failure = sender.Classify(e);
                if (failure != DeliveryFailure.Retry)
                {
                    // One line, no stack trace: the channel said why, and nothing here can change it.
                    var reason = fault ?? e.GetType().Name;
                    metrics?.Undeliverable(channel, failure);
                    if (failure == DeliveryFailure.Unreachable)
                    {
                        LogUnreachable(channel, message.Id, reason);
                    }
                    else
                    {
                        LogGivenUp(channel, message.Id, reason);
                    }

                    outcome.AddGivenUp(new GivenUpDelivery(message.Id, message.Address, $"{channel} {reason}", failure));
                    if (failure == DeliveryFailure.Unreachable)
                    {
                        // The rest of the chat's replies are marked failed with it, unsent.
                        break;
                    }

                    continue;
                }

                if (fault is not null)
                {
                    LogDeliveryDeferred(channel, message.Id, fault);
                }
                else
                {
                    LogDeliveryFailed(e, channel, message.Id);
                }

                outcome.AddFailed(message.Id, e.GetType().Name);
                // Later replies to the same chat wait too (now and, once marked, in later batches), so the
                // conversation never arrives out of order.
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox message {OutboxId} on {Channel} not delivered ({Fault}): the recipient cannot be reached there; nothing more is sent to that address until they write again")]
    private partial void LogUnreachable(string channel, long outboxId, string fault);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId} on {Channel} not delivered ({Fault}); kept as failed, not retried")]
    private partial void LogGivenUp(string channel, long outboxId, string fault);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver outbox message {OutboxId} on {Channel}; it will be retried")]
    private partial void LogDeliveryFailed(Exception exception, string channel, long outboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver outbox message {OutboxId} on {Channel} ({Fault}); it will be retried")]
    private partial void LogDeliveryDeferred(string channel, long outboxId, string fault);
}
