using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Fakes;
using PLKumkm.Bot.Webhooks;
using W = PLKumkm.Bot.Tests.Fakes.FakeWhatsAppWebhooks;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>The durable webhook queue: nothing lost on restart, one chat in order, others not held up, poison given up.</summary>
public sealed class WebhookInboxTests
{
    [Fact]
    public async Task A_body_queued_before_a_restart_is_processed_after_it()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);
        await bot.StopHostAsync();

        // Acknowledged to Meta, then the process died before processing it.
        const string sender = "6281200000001";
        await using (var ctx = db.Open())
        {
            ctx.WebhookInbox.Add(new WebhookInboxItem { Channel = "whatsapp", Payload = W.Body(W.Text(sender, "Halo")), ReceivedAt = DateTimeOffset.UtcNow });
            await ctx.SaveChangesAsync();
        }

        bot.Fake.SawInbound(sender);
        await bot.StartHostAsync();
        await bot.WaitDrainedAsync();
        Assert.Single(bot.Fake.SentTo(sender));
        await using var check = db.Open();
        var row = await check.WebhookInbox.SingleAsync();
        Assert.NotNull(row.ProcessedAt);
        Assert.Equal("", row.Payload);
    }

    [Fact]
    public async Task A_failing_update_holds_back_only_its_own_chat_and_is_retried_in_order()
    {
        using var db = new TestDatabase();
        await using var fake = await FakeGraphApi.StartAsync();
        var flaky = new FlakyState(failuresFor: "boom", times: 2);
        // Backoffs long enough that the other chat is surely answered while this one waits.
        using var host = BuildHost(db, fake, flaky, new WebhookInboxSettings { BaseRetryDelay = TimeSpan.FromMilliseconds(300), MaxAttempts = 5 });
        await host.StartAsync();
        var url = Address(host) + "/webhooks/whatsapp";
        using var http = new HttpClient();

        const string a = "6281200000002";
        const string b = "6281200000003";
        foreach (var sender in new[] { a, b })
        {
            fake.SawInbound(sender);
        }

        (await W.PostAsync(http, url, W.Body(W.Text(a, "boom")))).Dispose();
        (await W.PostAsync(http, url, W.Body(W.Text(a, "/bahasa en")))).Dispose();
        (await W.PostAsync(http, url, W.Body(W.Text(b, "Halo")))).Dispose();
        await fake.WaitForSentAsync(a, 2, TimeSpan.FromSeconds(20));
        await fake.WaitForSentAsync(b, 1, TimeSpan.FromSeconds(20));

        // "boom" failed twice, then went through; "/bahasa en" of the same chat waited for it.
        Assert.Equal(["boom", "boom", "boom", "/bahasa en"], flaky.Seen.Where(t => t is "boom" or "/bahasa en"));
        var toA = fake.SentTo(a);
        Assert.Contains("Daftarkan", string.Join(" ", toA[0].Buttons.Select(x => x.Title)));
        Assert.True(fake.SentTo(b)[0].At < toA[0].At, "the other chat was answered while the failing one backed off");

        await WhatsAppBotSession.WaitDrainedAsync(db);
        await using var ctx = db.Open();
        Assert.True(await ctx.WebhookInbox.AllAsync(i => i.ProcessedAt != null && i.LastError == null));
        await host.StopAsync();
    }

    [Fact]
    public async Task An_update_that_keeps_failing_is_given_up_kept_for_an_operator_and_apologised_for()
    {
        using var db = new TestDatabase();
        await using var fake = await FakeGraphApi.StartAsync();
        var flaky = new FlakyState(failuresFor: "boom", times: int.MaxValue);
        using var host = BuildHost(db, fake, flaky);
        await host.StartAsync();
        var url = Address(host) + "/webhooks/whatsapp";
        using var http = new HttpClient();

        const string a = "6281200000004";
        fake.SawInbound(a);
        (await W.PostAsync(http, url, W.Body(W.Text(a, "boom")))).Dispose();
        (await W.PostAsync(http, url, W.Body(W.Text(a, "Halo")))).Dispose();
        await fake.WaitForSentAsync(a, 2, TimeSpan.FromSeconds(20));

        Assert.Equal(WebhookInboxService.Apology, fake.SentTo(a)[0].Text);
        Assert.Contains("/start", fake.SentTo(a)[1].OptionIds);
        await WhatsAppBotSession.WaitDrainedAsync(db);
        await using var ctx = db.Open();
        var givenUp = await ctx.WebhookInbox.OrderBy(i => i.Id).FirstAsync();
        Assert.Equal(3, givenUp.Attempts);
        Assert.Equal("InvalidOperationException", givenUp.LastError);
        Assert.Contains("boom", givenUp.Payload);
        await host.StopAsync();
    }

    private static IHost BuildHost(TestDatabase db, FakeGraphApi fake, FlakyState flaky, WebhookInboxSettings? settings = null) =>
        BotHost.Build(HostMode.Run,
        [
            db.ConfigArg,
            "--Urls=http://127.0.0.1:0",
            $"--WhatsApp:PhoneNumberId={fake.PhoneNumberId}",
            $"--WhatsApp:AccessToken={fake.AccessToken}",
            $"--WhatsApp:AppSecret={W.AppSecret}",
            $"--WhatsApp:VerifyToken={W.VerifyToken}",
            $"--WhatsApp:GraphBaseUrl={fake.BaseUrl}",
        ], builder =>
        {
            WhatsAppBotSession.FastRetries(builder);
            if (settings is not null)
            {
                builder.Services.AddSingleton(settings);
            }

            builder.Services.AddSingleton(flaky);
            builder.Services.AddScoped<InboundProcessor>();
            builder.Services.AddScoped<IInboundProcessor, FlakyProcessor>();
        });

    private static string Address(IHost host) =>
        host.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

    internal sealed class FlakyState(string failuresFor, int times)
    {
        private int _failuresLeft = times;

        public ConcurrentQueue<string> SeenQueue { get; } = new();

        public IEnumerable<string> Seen => SeenQueue;

        public bool ShouldFail(string text)
        {
            SeenQueue.Enqueue(text);
            return text == failuresFor && Interlocked.Decrement(ref _failuresLeft) >= 0;
        }
    }

    /// <summary>The real pipeline, except that a chosen text fails a number of times first.</summary>
    internal sealed class FlakyProcessor(InboundProcessor inner, FlakyState state) : IInboundProcessor
    {
        public Task ProcessAsync(InboundMessage message, CancellationToken cancellationToken) =>
            message.Content is TextInput { Text: var text } && state.ShouldFail(text)
                ? throw new InvalidOperationException("simulated failure")
                : inner.ProcessAsync(message, cancellationToken);
    }
}
