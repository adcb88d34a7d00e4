using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Tests.Fakes;
using PLKumkm.Bot.Tests.Webhooks;
using W = PLKumkm.Bot.Tests.Fakes.FakeWhatsAppWebhooks;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>
/// Telegram in webhook mode next to WhatsApp on the same listener: setWebhook with the secret at start, updates
/// posted to /webhooks/telegram through the same queue and pipeline, and one person across both channels.
/// </summary>
public sealed class TelegramWebhookEndToEndTests : IAsyncLifetime
{
    private const string Secret = "s3cr3t_T0ken-for-tests";
    private const long Chat = 880001;
    private readonly HttpClient _http = new();
    private WebhooksHost _bot = null!;
    private int _nextUpdateId = 5000;

    private string TelegramUrl => _bot.Address + "/webhooks/telegram";

    public async Task InitializeAsync() => _bot = await WebhooksHost.StartAsync(Secret);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Webhook_mode_registers_the_secret_refuses_wrong_secrets_and_answers_through_the_pipeline()
    {
        var setWebhook = Assert.Single(await _bot.Telegram.WaitForRequestsAsync("setWebhook", 1, TimeSpan.FromSeconds(10)));
        Assert.Equal("http://127.0.0.1:8443/webhooks/telegram", setWebhook.GetString("url"));
        Assert.Equal(Secret, setWebhook.GetString("secret_token"));
        Assert.Equal("[\"message\",\"edited_message\",\"callback_query\"]", setWebhook.GetString("allowed_updates"));
        Assert.False(setWebhook.GetBool("drop_pending_updates"));
        await _bot.Telegram.WaitUntilAsync(() => _bot.Telegram.CommandMenus.Count == 2, TimeSpan.FromSeconds(10));

        var start = Update(id => FakeBotUpdates.Text(id, Chat, "/daftar"));
        foreach (var wrong in new[] { null, "", "wrong-secret", Secret + "x" })
        {
            using var refused = await PostTelegramAsync(start, wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await using (var ctx = _bot.Db.Open())
        {
            Assert.Equal(0, await ctx.WebhookInbox.CountAsync());
        }

        Assert.Empty(_bot.Telegram.SentTo(Chat));

        Assert.Contains("UU 27/2022", await SayAsync(start));
        var consent = Update(id => FakeBotUpdates.CallbackQuery($"cbq-{id}", Chat, "_consent=ya", 1, _bot.Telegram.BotUserId), "callback_query");
        Assert.Contains("nama lengkap pemilik", await SayAsync(consent));
        Assert.Contains(_bot.Telegram.AnsweredCallbackQueries, id => id.StartsWith("cbq-", StringComparison.Ordinal));

        // Telegram resends an update it thinks was not received: acknowledged, no second effect.
        var sent = _bot.Telegram.SentTo(Chat).Count;
        using (var replay = await PostTelegramAsync(consent, Secret))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }

        await DrainedAsync();
        Assert.Equal(sent, _bot.Telegram.SentTo(Chat).Count);

        // Authenticated but unreadable (broken JSON, a union member the library does not know: a forward origin, a reaction
        // type, a chat-member status): acknowledged, kept as unreadable, and the updates after it are answered.
        const string UnknownOrigin = """{"message_id":1,"date":1700000000,"chat":{"id":1,"type":"private"},"text":"hi","forward_origin":{"type":"brand_new","date":1700000000}}""";
        const string UnknownReaction = """{"chat":{"id":1,"type":"private"},"message_id":1,"date":1700000000,"old_reaction":[],"new_reaction":[{"type":"shiny"}]}""";
        const string UnknownStatus = """{"chat":{"id":-9,"type":"group","title":"g"},"from":{"id":9,"is_bot":false,"first_name":"A"},"date":1700000000,"old_chat_member":{"status":"left","user":{"id":5,"is_bot":true,"first_name":"B"}},"new_chat_member":{"status":"wizard","user":{"id":5,"is_bot":true,"first_name":"B"}}}""";
        string[] unreadables =
        [
            "{not json",
            $$"""{"update_id":990001,"message":{{UnknownOrigin}}}""",
            $$"""{"update_id":990002,"message_reaction":{{UnknownReaction}}}""",
            $$"""{"update_id":990003,"my_chat_member":{{UnknownStatus}}}""",
        ];
        foreach (var unreadable in unreadables)
        {
            using var response = await PostTelegramAsync(unreadable, Secret);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Contains("nama lengkap pemilik", await SayAsync(Update(id => FakeBotUpdates.Text(id, Chat, "/start"))));
        await using (var ctx = _bot.Db.Open())
        {
            var kept = await ctx.WebhookInbox.Where(i => i.LastError != null).Select(i => i.LastError).ToListAsync();
            Assert.Equal(unreadables.Length, kept.Count);
            Assert.All(kept, e => Assert.StartsWith("unreadable: ", e, StringComparison.Ordinal));
        }

        // Polling never ran: it would have deleted the webhook and asked for updates.
        Assert.Empty(_bot.Telegram.RequestsFor("getUpdates"));
        Assert.Empty(_bot.Telegram.RequestsFor("deleteWebhook"));
    }

    [Fact]
    public async Task A_Telegram_user_who_shares_their_own_number_is_the_same_person_on_WhatsApp()
    {
        await SayAsync(Update(id => FakeBotUpdates.Text(id, Chat, "/daftar")));
        await SayAsync(Update(id => FakeBotUpdates.CallbackQuery($"cbq-{id}", Chat, "_consent=ya", 1, _bot.Telegram.BotUserId), "callback_query"));
        await SayAsync(Update(id => FakeBotUpdates.Text(id, Chat, "Siti Aminah")));
        await SayAsync(Update(id => FakeBotUpdates.Text(id, Chat, "1601074508900001")));
        await SayAsync(Update(id => FakeBotUpdates.CallbackQuery($"cbq-{id}", Chat, "jenis_kelamin=P", 1, _bot.Telegram.BotUserId), "callback_query"));
        Assert.Contains("nama usahanya", await SayAsync(Update(id => FakeBotUpdates.Contact(id, Chat, "+62 812-3456-7890", Chat))));

        // The same phone writes on WhatsApp: it is the same person, and the questionnaire goes on where it was.
        _bot.Graph.SawInbound("6281234567890");
        using (var response = await FakeWhatsAppWebhooks.PostAsync(_http, _bot.Address + "/webhooks/whatsapp", W.Body(W.Text("6281234567890", "Warung Bu Siti"))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await DrainedAsync();
        Assert.Contains("kegiatan utama", _bot.Graph.SentTo("6281234567890").Last().Text);

        await using var ctx = _bot.Db.Open();
        var person = await ctx.People.Include(p => p.Addresses).SingleAsync();
        Assert.Equal("+6281234567890", person.Phone);
        Assert.Equal(["telegram:" + Chat, "whatsapp:6281234567890"], person.Addresses.Select(a => a.Address).Order());
    }

    private string Update(Func<int, JsonNode> payload, string kind = "message")
    {
        var id = Interlocked.Increment(ref _nextUpdateId);
        return FakeBotUpdates.Update(id, kind, payload(id)).ToJsonString();
    }

    private async Task<string> SayAsync(string update)
    {
        var before = _bot.Telegram.SentTo(Chat).Count;
        using var response = await PostTelegramAsync(update, Secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DrainedAsync();
        return string.Join("\n", _bot.Telegram.SentTo(Chat).Skip(before).Select(m => m.PlainText));
    }

    private async Task<HttpResponseMessage> PostTelegramAsync(string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await _http.SendAsync(request);
    }

    private Task DrainedAsync() => WhatsAppBotSession.WaitDrainedAsync(_bot.Db);
}
