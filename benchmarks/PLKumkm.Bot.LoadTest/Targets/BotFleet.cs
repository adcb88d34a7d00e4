using System.Net;
using System.Net.Sockets;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.LoadTest.Targets;

/// <summary>How updates reach the bot: it long-polls getUpdates, or the fake Bot API posts them to its webhook.</summary>
internal enum Delivery
{
    Polling,
    Webhook,
}

/// <summary>
/// One or more bot processes on one workspace. Polling: every instance polls and the leader lock lets one at a time
/// (on PostgreSQL). Webhook: each instance listens on its own port on 127.0.0.1 and the fake Bot API, as the load
/// balancer in front of them, spreads its posts over all of them (<see cref="FakeBotApi.WebhookBackends"/>).
/// An instance restarted after a kill comes back on the same port.
/// </summary>
internal sealed class BotFleet : IDisposable
{
    public const string WebhookSecret = "load-test-webhook-secret";

    /// <summary>The URL registered with setWebhook: the load balancer's, which the fake maps onto the instances.</summary>
    private const string BalancerUrl = "http://127.0.0.1:8443/webhooks/telegram";

    private readonly string _dll;
    private readonly Workspace? _workspace;
    private readonly string[] _args;
    private readonly List<int> _ports = [];
    private readonly List<BotProcess> _bots = [];
    private TimeSpan _exitedCpu;

    private BotFleet(string dll, Workspace? workspace, string[] args)
    {
        _dll = dll;
        _workspace = workspace;
        _args = args;
    }

    public Delivery Delivery { get; private init; }

    public IReadOnlyList<BotProcess> Bots => _bots;

    public int Count => _bots.Count;

    public string Describe => $"{Count} instance{(Count == 1 ? "" : "s")}, {(Delivery == Delivery.Webhook ? "webhooks" : "long polling")}";

    public static BotFleet Start(string dll, FakeBotApi fake, Workspace workspace, Delivery delivery, int instances, params string[] extraArgs)
    {
        var fleet = new BotFleet(dll, workspace, [.. InProcessBot.BotArgs(fake, workspace), .. extraArgs]) { Delivery = delivery };
        if (delivery == Delivery.Webhook)
        {
            fleet._ports.AddRange(Enumerable.Range(0, instances).Select(_ => FreePort()));
            fake.PushWebhooks = true;
            fake.WebhookBackends = [.. fleet._ports.Select(p => $"http://127.0.0.1:{p}")];
        }

        for (var i = 0; i < instances; i++)
        {
            fleet._bots.Add(fleet.StartInstance(i));
        }

        return fleet;
    }

    /// <summary>A process started otherwise (the echo bot), measured the same way.</summary>
    public static BotFleet Of(BotProcess process)
    {
        var fleet = new BotFleet("", null, []);
        fleet._bots.Add(process);
        return fleet;
    }

    /// <summary>The hard way (SIGKILL), then the same instance started again after <paramref name="downtime"/>.</summary>
    public async Task KillAndRestartAsync(int instance, TimeSpan downtime, CancellationToken ct)
    {
        var bot = _bots[instance];
        bot.Kill();
        _exitedCpu += bot.ExitedProcessorTime;
        bot.Dispose();
        await Task.Delay(downtime, ct).ConfigureAwait(false);
        _bots[instance] = StartInstance(instance);
    }

    /// <summary>CPU used by every instance so far, the killed ones included.</summary>
    public TimeSpan ProcessorTime => _exitedCpu + _bots.Aggregate(TimeSpan.Zero, (sum, b) => sum + (b.HasExited ? TimeSpan.Zero : b.ProcessorTime));

    public void SampleMemory() => _bots.ForEach(b => b.SampleMemory());

    /// <summary>The highest resident set of any one instance.</summary>
    public long PeakRss => _bots.Max(b => b.PeakRss);

    public bool AnyExited => _bots.Any(b => b.HasExited);

    public async Task StopAsync(TimeSpan timeout) =>
        await Task.WhenAll(_bots.Select(b => b.StopAsync(timeout))).ConfigureAwait(false);

    public void Dispose() => _bots.ForEach(b => b.Dispose());

    private BotProcess StartInstance(int instance)
    {
        string[] args = Delivery == Delivery.Webhook
            ?
            [
                .. _args,
                $"--Urls=http://127.0.0.1:{_ports[instance]}",
                $"--Telegram:WebhookUrl={BalancerUrl}",
                $"--Telegram:WebhookSecret={WebhookSecret}",
            ]
            : _args;
        return BotProcess.Start(_dll, args, (_workspace ?? throw new InvalidOperationException("a process started elsewhere is not restarted here")).Folder);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
