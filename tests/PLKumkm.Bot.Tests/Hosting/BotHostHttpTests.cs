using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Hosting;

namespace PLKumkm.Bot.Tests.Hosting;

/// <summary>The HTTP listener exists only when something needs it, and /healthz reports the database.</summary>
public sealed class BotHostHttpTests
{
    [Fact]
    public void The_console_chat_and_plain_polling_bind_no_port()
    {
        using var db = new TestDatabase();
        using var chat = BotHost.Build(HostMode.Chat, [db.ConfigArg, "--Urls=http://127.0.0.1:0", "--WhatsApp:PhoneNumberId=1", "--WhatsApp:AccessToken=t"]);
        Assert.IsNotType<WebApplication>(chat);
        using var console = BotHost.Build(HostMode.Run, [db.ConfigArg]);
        Assert.IsNotType<WebApplication>(console);
        using var polling = BotHost.Build(HostMode.Run, [db.ConfigArg, "--Telegram:BotToken=123456:TEST"]);
        Assert.IsNotType<WebApplication>(polling);
        using var tool = BotHost.Build(HostMode.Tool, [db.ConfigArg, "--Urls=http://127.0.0.1:0"]);
        Assert.IsNotType<WebApplication>(tool);
    }

    [Theory]
    [InlineData("--Urls=http://127.0.0.1:0")]
    [InlineData("--WhatsApp:PhoneNumberId=1")]
    [InlineData("--Telegram:WebhookUrl=https://bot.example.org/webhooks/telegram")]
    public void Urls_WhatsApp_or_a_Telegram_webhook_make_it_a_web_application(string setting)
    {
        using var db = new TestDatabase();
        using var host = BotHost.Build(HostMode.Run,
            [db.ConfigArg, setting, "--WhatsApp:AccessToken=t", "--Telegram:BotToken=123456:TEST", "--Telegram:WebhookSecret=s"]);
        Assert.IsType<WebApplication>(host);
    }

    [Fact]
    public async Task Healthz_is_503_when_the_database_does_not_answer()
    {
        using var db = new TestDatabase();
        using var host = BotHost.Build(HostMode.Run,
        [
            db.ConfigArg, "--Urls=http://127.0.0.1:0", "--WhatsApp:PhoneNumberId=1", "--WhatsApp:AccessToken=t",
            "--WhatsApp:AppSecret=s", "--WhatsApp:VerifyToken=v", "--WhatsApp:GraphBaseUrl=http://127.0.0.1:9/v21.0",
        ]);
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var http = new HttpClient();

        using (var ok = await http.GetAsync(address + "/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // The database file disappears under the running bot (disk replaced, volume unmounted…).
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(db.Folder, "bot.db*"))
        {
            File.Delete(file);
        }

        using (var down = await http.GetAsync(address + "/healthz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Contains("unavailable", await down.Content.ReadAsStringAsync());
        }

        await host.StopAsync();
    }
}
