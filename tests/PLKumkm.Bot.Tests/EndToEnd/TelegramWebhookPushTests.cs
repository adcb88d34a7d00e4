using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Tests.Fakes;
using PLKumkm.Bot.Tests.Webhooks;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>
/// Webhook mode with Telegram's side played by the fake: after setWebhook it posts every update with the secret,
/// several at once, and keeps one until it is answered 2xx. Behind a load balancer whose first instance is dead.
/// </summary>
public sealed class TelegramWebhookPushTests
{
    private const string Secret = "push-secret_1";

    [Fact]
    public async Task Updates_Telegram_posts_are_each_acknowledged_and_answered_once_also_past_an_instance_that_is_down()
    {
        await using var bot = await WebhooksHost.StartAsync(Secret, pushTelegramUpdates: true);
        bot.Telegram.WebhookBackends = [$"http://127.0.0.1:{ClosedPort()}", bot.Address];
        await bot.Telegram.WaitForRequestsAsync("setWebhook", 1, TimeSpan.FromSeconds(10));

        var chats = Enumerable.Range(0, 12).Select(i => 881_000L + i).ToList();
        var ids = chats.Select(chat => bot.Telegram.EnqueueText(chat, "/start")).ToList();
        await bot.Telegram.WaitUntilAsync(() => ids.All(bot.Telegram.WebhookAcknowledged.Contains), TimeSpan.FromSeconds(20),
            () => $"all {ids.Count} updates acknowledged; got {bot.Telegram.WebhookAcknowledged.Count}");
        foreach (var chat in chats)
        {
            Assert.StartsWith("Selamat datang di PL-KUMKM", (await bot.Telegram.WaitForMessagesAsync(chat, 1, TimeSpan.FromSeconds(20)))[0].PlainText, StringComparison.Ordinal);
        }

        Assert.Equal(0, bot.Telegram.PendingUpdateCount);
        await using var ctx = bot.Db.Open();
        await WaitAsync(async () => await ctx.WebhookInbox.CountAsync(i => i.ProcessedAt == null) == 0);
        Assert.Equal(ids.Count, await ctx.InboundUpdates.CountAsync());
        Assert.All(chats, chat => Assert.Single(bot.Telegram.SentTo(chat)));
        Assert.Empty(bot.Telegram.RequestsFor("getUpdates"));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}
