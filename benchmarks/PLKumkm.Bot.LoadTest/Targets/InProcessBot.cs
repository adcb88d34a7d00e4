using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.LoadTest.Targets;

/// <summary>The real host (storage, engine, Telegram.Bot client, polling service) in this process, polling the fake.</summary>
internal sealed class InProcessBot : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessBot(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<InProcessBot> StartAsync(FakeBotApi fake, Workspace workspace, CancellationToken ct)
    {
        var host = BotHost.Build(HostMode.Run, BotArgs(fake, workspace));
        await host.StartAsync(ct).ConfigureAwait(false);
        return new InProcessBot(host);
    }

    /// <summary>Configuration the bot runs with in every mode (also passed to the separate process).</summary>
    public static string[] BotArgs(FakeBotApi fake, Workspace workspace) =>
    [
        .. workspace.ConfigArgs,
        $"--Telegram:BotToken={fake.Token}",
        $"--Telegram:ApiBaseUrl={fake.BaseUrl}",
        "--Telegram:PollingTimeoutSeconds=5",
        // Warnings still show; per-update information logs would measure the console, not the bot.
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
    ];

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _host.StopAsync(timeout.Token).ConfigureAwait(false);
        _host.Dispose();
    }
}
