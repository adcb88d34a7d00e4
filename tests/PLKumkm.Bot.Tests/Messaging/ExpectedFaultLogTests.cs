using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.Tests.Messaging;

/// <summary>A reply the channel refuses for an expected reason is logged in one line; an unexpected failure keeps its trace.</summary>
public sealed class ExpectedFaultLogTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_expected_fault_is_one_line_and_an_unexpected_one_has_its_stack_trace(bool expected)
    {
        using var db = new TestDatabase();
        var logs = new CapturingLoggerProvider();
        var sender = new FailingSender(expected ? new HttpRequestException("throttled") : new InvalidOperationException("a bug"));
        using var host = BotHost.Build(HostMode.Tool, [db.ConfigArg], b =>
        {
            b.Services.AddSingleton<IChannelSender>(sender);
            b.Logging.AddProvider(logs);
        });
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var processor = (IInboundBatchProcessor)scope.ServiceProvider.GetRequiredService<IInboundProcessor>();
            var result = await processor.CommitBatchAsync(
                [new InboundMessage(FailingSender.ChannelName, "1", "fault-1", DateTimeOffset.UnixEpoch, new TextInput("halo"), "Tester")],
                CancellationToken.None);
            await result.Delivered.WaitAsync(TimeSpan.FromSeconds(10));
        }

        var entry = Assert.Single(logs.Entries, e => e.Message.StartsWith("Could not deliver outbox message", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, entry.Level);
        if (expected)
        {
            Assert.Contains("(HttpRequestException)", entry.Message);
            Assert.Null(entry.Exception);
        }
        else
        {
            Assert.Contains("InvalidOperationException", entry.Exception);
        }
    }

    private sealed class FailingSender(Exception failure) : IChannelSender
    {
        public const string ChannelName = "test";

        public string Channel => ChannelName;

        public Task SendAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken) => Task.FromException(failure);

        public Task ShowTypingAsync(string chatId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
