using System.Text;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Tests.EndToEnd;
using PLKumkm.Bot.Tests.Fakes;
using W = PLKumkm.Bot.Tests.Fakes.FakeWhatsAppWebhooks;

namespace PLKumkm.Bot.Tests.Webhooks;

/// <summary>The real host on 127.0.0.1 with both webhook channels and two places for unauthenticated reads.</summary>
public sealed class WebhookLimitsFixture : IAsyncLifetime
{
    public const string TelegramSecret = "limits_S3cret-token";
    public const int Places = 2;
    private WebhooksHost _host = null!;

    internal TestDatabase Db => _host.Db;
    internal FakeBotApi Telegram => _host.Telegram;
    internal FakeGraphApi Graph => _host.Graph;
    public string Address => _host.Address;

    public async Task InitializeAsync() => _host = await WebhooksHost.StartAsync(TelegramSecret,
        $"--Webhooks:MaxUnauthenticatedReads={Places}", "--Webhooks:BusyRetryAfterSeconds=7");

    public async Task DisposeAsync() => await _host.DisposeAsync();
}

public sealed class WebhookLimitsTests(WebhookLimitsFixture host) : IClassFixture<WebhookLimitsFixture>
{
    private const int WhatsAppLimit = 3 * 1024 * 1024;
    private const int TelegramLimit = 1024 * 1024;
    private static readonly byte[] Junk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
    private static readonly (string, string) Forged = ("X-Hub-Signature-256", "sha256=" + new string('a', 64));

    private string WhatsAppUrl => host.Address + "/webhooks/whatsapp";
    private string TelegramUrl => host.Address + "/webhooks/telegram";

    [Fact]
    public async Task A_WhatsApp_post_declaring_more_than_3_MB_gets_413_before_any_of_it_is_read()
    {
        await using var post = await RawHttpPost.StartAsync(WhatsAppUrl, 4L * 1024 * 1024, Forged);
        var response = await post.Response;

        Assert.Equal(413, response.Status);
        Assert.Equal(0, post.BodyBytesSent);
        await AssertNothingQueuedAsync();
    }

    [Fact]
    public async Task A_chunked_WhatsApp_post_gets_413_once_it_passes_the_limit_and_the_rest_is_not_read()
    {
        const long Offered = 256L * 1024 * 1024;
        await using var post = await RawHttpPost.StartAsync(WhatsAppUrl, contentLength: null, Forged);
        var response = await post.SendUntilAnsweredAsync(Junk, Offered);

        Assert.Equal(413, response.Status);
        // The bot stopped reading just past 3 MB; what else went out sat in socket buffers until the connection closed.
        Assert.InRange(post.BodyBytesSent, WhatsAppLimit, 64L * 1024 * 1024);
        await AssertNothingQueuedAsync();
    }

    [Fact]
    public async Task A_body_just_at_the_limit_is_read_and_then_judged_by_its_signature()
    {
        var body = new byte[WhatsAppLimit];
        Array.Fill(body, (byte)' ');
        Assert.Equal(401, (await RawHttpPost.PostAsync(WhatsAppUrl, body, chunked: false, Forged)).Status);
        Assert.Equal(401, (await RawHttpPost.PostAsync(WhatsAppUrl, body, chunked: true, Forged)).Status);
    }

    [Fact]
    public async Task Forged_signatures_get_401_and_a_malformed_one_before_the_body_is_read()
    {
        var body = Encoding.UTF8.GetBytes(W.Body(W.Text("6281100000901", "Halo")));
        foreach (var chunked in new[] { false, true })
        {
            Assert.Equal(401, (await RawHttpPost.PostAsync(WhatsAppUrl, body, chunked, Forged)).Status);
            Assert.Equal(401, (await RawHttpPost.PostAsync(WhatsAppUrl, body, chunked, ("X-Hub-Signature-256", W.Signature(body, "another-secret")))).Status);
        }

        // The attack as measured: sha256=zz on a 4 MB body that is never sent.
        await using var post = await RawHttpPost.StartAsync(WhatsAppUrl, 2L * 1024 * 1024, ("X-Hub-Signature-256", "sha256=zz"));
        Assert.Equal(401, (await post.Response).Status);
        Assert.Equal(0, post.BodyBytesSent);
        await AssertNothingQueuedAsync();
    }

    [Fact]
    public async Task While_every_reading_place_is_taken_another_post_gets_503_with_Retry_After_and_then_posts_work_again()
    {
        var held = new List<RawHttpPost>();
        try
        {
            // Each holds a place: it declared a body and sends it slowly.
            for (var i = 0; i < WebhookLimitsFixture.Places; i++)
            {
                var post = await RawHttpPost.StartAsync(WhatsAppUrl, 1024 * 1024, Forged);
                await post.SendAsync(Junk.AsMemory(0, 1024));
                held.Add(post);
            }

            // The server takes the held posts in when it gets to them; the signal is the first 503.
            var body = Encoding.UTF8.GetBytes(W.Body(W.Text("6281100000902", "Halo")));
            RawHttpResponse probe;
            using (var expiry = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
            {
                do
                {
                    probe = await RawHttpPost.PostAsync(WhatsAppUrl, body, chunked: false, ("X-Hub-Signature-256", W.Signature(body)));
                    Assert.True(probe.Status is 503 or 200, $"status {probe.Status}");
                    await Task.Delay(5, expiry.Token);
                }
                while (probe.Status != 503);
            }

            Assert.Equal("7", probe.Headers["Retry-After"]);
            foreach (var post in held)
            {
                var response = await post.SendUntilAnsweredAsync(Junk, 1024 * 1024 - 1024);
                Assert.Equal(401, response.Status);
            }
        }
        finally
        {
            foreach (var post in held)
            {
                await post.DisposeAsync();
            }
        }

        // The places are free again: a valid post is taken and answered.
        const string Sender = "6281100000903";
        host.Graph.SawInbound(Sender);
        var valid = Encoding.UTF8.GetBytes(W.Body(W.Text(Sender, "Halo")));
        Assert.Equal(200, (await RawHttpPost.PostAsync(WhatsAppUrl, valid, chunked: true, ("X-Hub-Signature-256", W.Signature(valid)))).Status);
        await WhatsAppBotSession.WaitDrainedAsync(host.Db);
        Assert.NotEmpty(host.Graph.SentTo(Sender));
    }

    [Fact]
    public async Task Valid_WhatsApp_posts_still_work_declared_or_chunked()
    {
        foreach (var (sender, chunked) in new[] { ("6281100000904", false), ("6281100000905", true) })
        {
            host.Graph.SawInbound(sender);
            var body = Encoding.UTF8.GetBytes(W.Body(W.Text(sender, "Halo")));
            Assert.Equal(200, (await RawHttpPost.PostAsync(WhatsAppUrl, body, chunked, ("X-Hub-Signature-256", W.Signature(body)))).Status);
            await WhatsAppBotSession.WaitDrainedAsync(host.Db);
            Assert.NotEmpty(host.Graph.SentTo(sender));
        }
    }

    [Fact]
    public async Task A_Telegram_post_without_the_secret_is_refused_before_its_body_is_read()
    {
        foreach (var secret in new[] { "", "wrong-secret" })
        {
            (string, string)[] headers = secret.Length == 0 ? [] : [("X-Telegram-Bot-Api-Secret-Token", secret)];
            await using var post = await RawHttpPost.StartAsync(TelegramUrl, 4L * 1024 * 1024, headers);
            Assert.Equal(401, (await post.Response).Status);
            Assert.Equal(0, post.BodyBytesSent);
        }

        await AssertNothingQueuedAsync();
    }

    [Fact]
    public async Task A_Telegram_post_with_the_secret_is_held_to_its_own_smaller_limit_and_a_valid_one_works()
    {
        (string, string) secret = ("X-Telegram-Bot-Api-Secret-Token", WebhookLimitsFixture.TelegramSecret);
        await using (var declared = await RawHttpPost.StartAsync(TelegramUrl, TelegramLimit + 1L, secret))
        {
            Assert.Equal(413, (await declared.Response).Status);
        }

        await using (var chunked = await RawHttpPost.StartAsync(TelegramUrl, contentLength: null, secret))
        {
            Assert.Equal(413, (await chunked.SendUntilAnsweredAsync(Junk, 64L * 1024 * 1024)).Status);
        }

        await AssertNothingQueuedAsync();

        const long Chat = 880901;
        var update = Encoding.UTF8.GetBytes(FakeBotUpdates.Update(7001, "message", FakeBotUpdates.Text(7001, Chat, "/start")).ToJsonString());
        Assert.Equal(200, (await RawHttpPost.PostAsync(TelegramUrl, update, chunked: true, secret)).Status);
        await WhatsAppBotSession.WaitDrainedAsync(host.Db);
        Assert.NotEmpty(host.Telegram.SentTo(Chat));
    }

    private async Task AssertNothingQueuedAsync()
    {
        await using var ctx = host.Db.Open();
        Assert.False(await ctx.WebhookInbox.AnyAsync(i => i.Payload.Contains("xxxx")));
    }
}
