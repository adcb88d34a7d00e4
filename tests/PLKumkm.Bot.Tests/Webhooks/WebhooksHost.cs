using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Tests.EndToEnd;
using PLKumkm.Bot.Tests.Fakes;
using W = PLKumkm.Bot.Tests.Fakes.FakeWhatsAppWebhooks;

namespace PLKumkm.Bot.Tests.Webhooks;

/// <summary>
/// The real host listening on 127.0.0.1 with both webhook channels (Telegram in webhook mode with its secret, WhatsApp
/// signed), against the fake Bot API and the fake Graph API.
/// </summary>
internal sealed class WebhooksHost : IAsyncDisposable
{
    private WebhooksHost(TestDatabase db, FakeBotApi telegram, FakeGraphApi graph, IHost host)
    {
        Db = db;
        Telegram = telegram;
        Graph = graph;
        Host = host;
        Address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single().TrimEnd('/');
    }

    public const string TelegramWebhookUrl = "http://127.0.0.1:8443/webhooks/telegram";

    public TestDatabase Db { get; }
    public FakeBotApi Telegram { get; }
    public FakeGraphApi Graph { get; }
    public IHost Host { get; }

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Address { get; }

    public static Task<WebhooksHost> StartAsync(string telegramSecret, params string[] settings) =>
        StartAsync(telegramSecret, pushTelegramUpdates: false, settings);

    /// <param name="pushTelegramUpdates">The fake Bot API posts enqueued updates to the webhook, as Telegram does
    /// (otherwise the test posts them itself).</param>
    public static async Task<WebhooksHost> StartAsync(string telegramSecret, bool pushTelegramUpdates, params string[] settings)
    {
        var db = new TestDatabase();
        var telegram = await FakeBotApi.StartAsync();
        telegram.PushWebhooks = pushTelegramUpdates;
        var graph = await FakeGraphApi.StartAsync();
        var host = BotHost.Build(HostMode.Run,
        [
            db.ConfigArg,
            "--Urls=http://127.0.0.1:0",
            $"--Telegram:BotToken={telegram.Token}",
            $"--Telegram:ApiBaseUrl={telegram.BaseUrl}",
            $"--Telegram:WebhookUrl={TelegramWebhookUrl}",
            $"--Telegram:WebhookSecret={telegramSecret}",
            $"--WhatsApp:PhoneNumberId={graph.PhoneNumberId}",
            $"--WhatsApp:AccessToken={graph.AccessToken}",
            $"--WhatsApp:AppSecret={W.AppSecret}",
            $"--WhatsApp:VerifyToken={W.VerifyToken}",
            $"--WhatsApp:GraphBaseUrl={graph.BaseUrl}",
            .. settings,
        ], WhatsAppBotSession.FastRetries);
        await host.StartAsync();
        return new WebhooksHost(db, telegram, graph, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Telegram.DisposeAsync();
        await Graph.DisposeAsync();
        Db.Dispose();
    }
}
