using Microsoft.Extensions.Time.Testing;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Tests.Messaging;

public sealed class TypingIndicatorTests
{
    private sealed class RecordingSender : IChannelSender
    {
        public List<string> Typing { get; } = [];

        public string Channel => "telegram";

        public Task SendAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ShowTypingAsync(string chatId, CancellationToken cancellationToken)
        {
            lock (Typing)
            {
                Typing.Add(chatId);
            }

            return Task.CompletedTask;
        }
    }

    private static InboundMessage Message(string channel = "telegram") =>
        new(channel, "42", "k", DateTimeOffset.UnixEpoch, new TextInput("grafik Sumsel"));

    [Fact]
    public void A_slow_answer_shows_typing_once()
    {
        var clock = new FakeTimeProvider();
        var sender = new RecordingSender();
        using var timer = new TypingIndicator([sender], clock).StartFor(Message());
        clock.Advance(TimeSpan.FromMilliseconds(399));
        Assert.Empty(sender.Typing);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["42"], sender.Typing);
    }

    [Fact]
    public void A_quick_answer_never_flashes_typing()
    {
        var clock = new FakeTimeProvider();
        var sender = new RecordingSender();
        new TypingIndicator([sender], clock).StartFor(Message()).Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(sender.Typing);
    }

    [Fact]
    public void A_channel_without_sender_is_ignored()
    {
        var clock = new FakeTimeProvider();
        var telegram = new RecordingSender();
        using var timer = new TypingIndicator([telegram], clock).StartFor(Message("whatsapp"));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(telegram.Typing);
    }
}
