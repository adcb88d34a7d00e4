namespace PLKumkm.Bot.Messaging;

/// <summary>
/// Shows "typing…" when an answer takes a while (a chart, a big lookup), so the person knows the
/// bot heard them; quick answers never flash it.
/// </summary>
internal sealed class TypingIndicator(IEnumerable<IChannelSender> senders, TimeProvider clock)
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(400);

    private readonly Dictionary<string, IChannelSender> _senders =
        senders.GroupBy(s => s.Channel).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    /// <summary>Starts the timer; dispose the result when the answer is ready.</summary>
    public IDisposable StartFor(InboundMessage message)
    {
        if (!_senders.TryGetValue(message.Channel, out var sender))
        {
            return NoTimer.Instance;
        }

        return clock.CreateTimer(
            _ => _ = ShowAsync(sender, message.ChatId),
            null, Delay, Timeout.InfiniteTimeSpan);
    }

    private static async Task ShowAsync(IChannelSender sender, string chatId)
    {
        try
        {
            await sender.ShowTypingAsync(chatId, CancellationToken.None);
        }
        catch (Exception)
        {
            // Best effort by design: a missing "typing…" must never affect the answer itself.
        }
    }

    private sealed class NoTimer : IDisposable
    {
        public static readonly NoTimer Instance = new();

        public void Dispose()
        {
        }
    }
}
