using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>
/// The real host (storage, engine, Telegram.Bot client) polling a <see cref="FakeBotApi"/> on 127.0.0.1,
/// with helpers that talk to it as one Telegram user would and wait for the answer.
/// </summary>
internal sealed class TelegramBotSession : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private IHost? _host;

    private TelegramBotSession(FakeBotApi fake, TestDatabase db)
    {
        Fake = fake;
        Db = db;
    }

    public FakeBotApi Fake { get; }
    public TestDatabase Db { get; }

    /// <summary>Everything the bot logged, to check what a fault logs and that nothing personal is.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _host!.Services;

    /// <summary>More configuration for the host, e.g. <c>--Media:MaxBytes=…</c>.</summary>
    public IReadOnlyList<string> ExtraArgs { get; private init; } = [];

    public static async Task<TelegramBotSession> StartAsync(TestDatabase db, params string[] extraArgs)
    {
        var session = new TelegramBotSession(await FakeBotApi.StartAsync(), db) { ExtraArgs = extraArgs };
        await session.StartHostAsync();
        return session;
    }

    public async Task StartHostAsync()
    {
        _host = BotHost.Build(HostMode.Run,
        [
            Db.ConfigArg,
            $"--Telegram:BotToken={Fake.Token}",
            $"--Telegram:ApiBaseUrl={Fake.BaseUrl}",
            "--Telegram:PollingTimeoutSeconds=1",
            .. ExtraArgs,
        ], builder => builder.Logging.AddProvider(Logs));
        await _host.StartAsync();
    }

    /// <summary>Stops the bot as a restart would (the database and the fake server stay).</summary>
    public async Task StopHostAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
            _host = null;
        }
    }

    public Task<IReadOnlyList<SentMessage>> SayAsync(long chat, string text) => AwaitAsync(chat, () => Fake.EnqueueText(chat, text));

    public Task<IReadOnlyList<SentMessage>> PressAsync(long chat, string data) => AwaitAsync(chat, () => Fake.EnqueueCallback(chat, data));

    /// <summary>Sends an update and returns what the bot sent to the chat while handling it.</summary>
    public async Task<IReadOnlyList<SentMessage>> AwaitAsync(long chat, Func<int> send)
    {
        var before = Fake.SentTo(chat).Count;
        var id = send();
        await Fake.WaitForConfirmedOffsetAsync(id + 1, Timeout);
        // The bot confirms a batch once it is committed; its replies may still be on their way.
        await _host!.Services.GetRequiredService<OutboxDelivery>().FlushAsync().WaitAsync(Timeout);
        return Fake.SentTo(chat).Skip(before).ToList();
    }

    public static string Text(IReadOnlyList<SentMessage> messages) => string.Join("\n", messages.Select(m => m.PlainText));

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Fake.DisposeAsync();
    }
}
