using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PLKumkm.Bot.Channels.WhatsApp;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Tests.Fakes;
using PLKumkm.Bot.Webhooks;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>
/// The real host (Kestrel on 127.0.0.1:0, storage, engine, WhatsApp channel) sending to a <see cref="FakeGraphApi"/>,
/// with helpers that post signed webhooks as Meta would for one WhatsApp user and wait until they are processed.
/// </summary>
internal sealed class WhatsAppBotSession : IAsyncDisposable
{
    public const string User = "6281234567890";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private IHost? _host;

    private WhatsAppBotSession(FakeGraphApi fake, TestDatabase db)
    {
        Fake = fake;
        Db = db;
    }

    public FakeGraphApi Fake { get; }
    public TestDatabase Db { get; }
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };

    /// <summary>Everything the bot logged (debug and up), to check that nothing personal or secret is.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary><c>http://127.0.0.1:PORT</c> the bot listens on.</summary>
    public string BaseAddress { get; private set; } = "";

    public string WebhookUrl => BaseAddress + "/webhooks/whatsapp";

    public IServiceProvider Services => _host!.Services;

    /// <summary>More configuration for the host, e.g. <c>--Media:MaxBytes=…</c> or
    /// <c>--WhatsApp:Templates:Default:Name=pesan_baru</c>.</summary>
    public IReadOnlyList<string> ExtraArgs { get; private init; } = [];

    public static async Task<WhatsAppBotSession> StartAsync(TestDatabase db, params string[] extraArgs)
    {
        var session = new WhatsAppBotSession(await FakeGraphApi.StartAsync(), db) { ExtraArgs = extraArgs };
        await session.StartHostAsync();
        return session;
    }

    public async Task StartHostAsync()
    {
        _host = BotHost.Build(HostMode.Run,
        [
            Db.ConfigArg,
            "--Urls=http://127.0.0.1:0",
            $"--WhatsApp:PhoneNumberId={Fake.PhoneNumberId}",
            $"--WhatsApp:AccessToken={Fake.AccessToken}",
            $"--WhatsApp:AppSecret={FakeWhatsAppWebhooks.AppSecret}",
            $"--WhatsApp:VerifyToken={FakeWhatsAppWebhooks.VerifyToken}",
            $"--WhatsApp:GraphBaseUrl={Fake.BaseUrl}",
            .. ExtraArgs,
        ], builder =>
        {
            FastRetries(builder);
            builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs);
        });
        await _host.StartAsync();
        BaseAddress = _host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single().TrimEnd('/');
    }

    /// <summary>Production backoffs are seconds long; tests keep the same logic with millisecond steps.</summary>
    public static void FastRetries(IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new WhatsAppRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(40) });
        builder.Services.AddSingleton(new WebhookInboxSettings
        {
            BaseRetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(100),
            MaxAttempts = 3,
        });
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

    /// <summary>POSTs a body to the webhook; <paramref name="signature"/> "" signs it correctly, null sends no header.</summary>
    public Task<HttpResponseMessage> PostAsync(string body, string? signature = "") =>
        FakeWhatsAppWebhooks.PostAsync(Http, WebhookUrl, body, signature);

    /// <summary>Posts one message from <see cref="User"/> (signed) and returns what the bot sent while processing it.</summary>
    public async Task<IReadOnlyList<SentWhatsApp>> SendAsync(JsonObject message, string to = User)
    {
        var before = Fake.SentTo(to).Count;
        Fake.SawInbound(to);
        using var response = await PostAsync(FakeWhatsAppWebhooks.Body(message, "Siti"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await WaitDrainedAsync();
        return Fake.SentTo(to).Skip(before).ToList();
    }

    public Task<IReadOnlyList<SentWhatsApp>> SayAsync(string text) => SendAsync(FakeWhatsAppWebhooks.Text(User, text));

    /// <summary>Taps the option with <paramref name="id"/> on the latest message that offered it, as a button or a list row.</summary>
    public Task<IReadOnlyList<SentWhatsApp>> PressAsync(string id)
    {
        var offered = Fake.SentTo(User).LastOrDefault(m => m.OptionIds.Contains(id))
            ?? throw new InvalidOperationException($"No message offered option '{id}'. Last: {Text(Fake.SentTo(User).TakeLast(2).ToList())}");
        var message = offered.Buttons.Any(b => b.Id == id)
            ? FakeWhatsAppWebhooks.ButtonReply(User, id, offered.Buttons.First(b => b.Id == id).Title)
            : FakeWhatsAppWebhooks.ListReply(User, id, offered.Rows.First(r => r.Id == id).Title);
        return SendAsync(message);
    }

    /// <summary>Waits until every queued webhook body has been processed (its replies are then with the fake).</summary>
    public Task WaitDrainedAsync() => WaitDrainedAsync(Db);

    public static async Task WaitDrainedAsync(TestDatabase db)
    {
        using var expiry = new CancellationTokenSource(Timeout);
        while (true)
        {
            await using (var ctx = db.Open())
            {
                if (!await ctx.WebhookInbox.AnyAsync(i => i.ProcessedAt == null, expiry.Token))
                {
                    return;
                }
            }

            await Task.Delay(10, expiry.Token);
        }
    }

    public static string Text(IReadOnlyList<SentWhatsApp> messages) =>
        string.Join("\n", messages.Select(m => string.Join(" ", new[] { m.Text }.Concat(m.Buttons.Select(b => $"[{b.Title}]"))
            .Concat(m.Rows.Select(r => $"[{r.Title}]")))));

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Fake.DisposeAsync();
        Http.Dispose();
    }
}
