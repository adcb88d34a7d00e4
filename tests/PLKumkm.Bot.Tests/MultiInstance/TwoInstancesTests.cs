using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Storage.PostgreSql;
using PLKumkm.Bot.Tests.EndToEnd;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.Tests.MultiInstance;

/// <summary>
/// Two bot instances on one PostgreSQL database, as behind a load balancer: webhooks spread over both, every message
/// answered once and in order, work left by a dead instance taken over, numbers and counts exact under both writing.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Slow)]
public sealed class TwoInstancesTests
{
    private static readonly string[] Regencies = ["16.01", "16.02", "16.03", "16.04", "16.05", "16.06"];

    [SkippableFact]
    public async Task Webhooks_spread_over_two_instances_are_answered_once_each_and_in_each_chats_order()
    {
        PostgresServer.SkipUnlessAvailable();
        using var db = new TestDatabase(provider: DatabaseProvider.PostgreSql);
        await ToolHost.CopyTemplateAsync(db);
        await using var fake = await FakeGraphApi.StartAsync();
        using var a = await StartAsync(db, fake);
        using var b = await StartAsync(db, fake);
        var hosts = new[] { a, b };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        var users = Enumerable.Range(0, 8).Select(i => $"62812000000{i:00}").ToList();
        await Parallel.ForEachAsync(users, async (user, ct) =>
        {
            for (var i = 0; i < Regencies.Length; i++)
            {
                // Each message of a chat to the other instance than the one before.
                var host = hosts[(users.IndexOf(user) + i) % 2];
                using var response = await FakeWhatsAppWebhooks.PostAsync(http, Address(host) + "/webhooks/whatsapp",
                    FakeWhatsAppWebhooks.Body(FakeWhatsAppWebhooks.Text(user, "progress " + Regencies[i]), "Siti"), "");
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            }
        });

        await WhatsAppBotSession.WaitDrainedAsync(db);
        await WaitAsync(() => users.All(u => Answers(fake, u).Count >= Regencies.Length));
        await Task.Delay(500);
        foreach (var user in users)
        {
            var answers = Answers(fake, user);
            // One answer per message, none twice, in the order they were sent.
            Assert.Equal(Regencies.Length, answers.Count);
            Assert.Equal(Regencies, answers.Select(RegencyAnswered));
        }

        await using var ctx = db.Open();
        Assert.Equal(users.Count * Regencies.Length, await ctx.InboundUpdates.CountAsync());
        Assert.Equal(0, await ctx.Outbox.CountAsync(o => o.SentAt == null));
    }

    [SkippableFact]
    public async Task Two_instances_draining_one_queued_backlog_answer_every_message_once_and_in_each_chats_order()
    {
        PostgresServer.SkipUnlessAvailable();
        using var db = new TestDatabase(provider: DatabaseProvider.PostgreSql);
        await ToolHost.CopyTemplateAsync(db);
        await using var fake = await FakeGraphApi.StartAsync();
        var users = Enumerable.Range(0, 12).Select(i => $"62813000000{i:00}").ToList();
        await using (var ctx = db.Open())
        {
            // What a restart after an outage finds: every chat's messages queued, for whichever instance is free.
            var now = DateTimeOffset.UtcNow;
            foreach (var regency in Regencies)
            {
                foreach (var user in users)
                {
                    ctx.WebhookInbox.Add(new WebhookInboxItem
                    {
                        Channel = "whatsapp",
                        Payload = FakeWhatsAppWebhooks.Body(FakeWhatsAppWebhooks.Text(user, "progress " + regency), "Siti"),
                        ReceivedAt = now,
                    });
                }
            }

            await ctx.SaveChangesAsync();
        }

        var starting = new[] { StartAsync(db, fake), StartAsync(db, fake) };
        using var a = await starting[0];
        using var b = await starting[1];
        await WhatsAppBotSession.WaitDrainedAsync(db);
        await WaitAsync(() => users.All(u => Answers(fake, u).Count >= Regencies.Length));
        await Task.Delay(500);
        foreach (var user in users)
        {
            Assert.Equal(Regencies, Answers(fake, user).Select(RegencyAnswered));
        }

        await using var check = db.Open();
        // An attempt may fail and be retried (a lock timeout under load); none may be given up on.
        Assert.Equal(0, await check.WebhookInbox.CountAsync(i => i.ProcessedAt == null || i.Payload != ""));
    }

    [SkippableFact]
    public async Task Work_claimed_by_an_instance_that_died_is_taken_over_once_its_claim_runs_out()
    {
        PostgresServer.SkipUnlessAvailable();
        using var db = new TestDatabase(provider: DatabaseProvider.PostgreSql);
        await ToolHost.CopyTemplateAsync(db);
        await using var fake = await FakeGraphApi.StartAsync();
        const string user = "6281299990001";
        var until = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(8);
        await using (var ctx = db.Open())
        {
            // What a killed instance leaves: a body it took but never processed.
            var now = DateTimeOffset.UtcNow;
            ctx.WebhookInbox.Add(new WebhookInboxItem
            {
                Channel = "whatsapp",
                Payload = FakeWhatsAppWebhooks.Body(FakeWhatsAppWebhooks.Text(user, "progress 16.01"), "Siti"),
                ReceivedAt = now,
                ClaimedBy = "dead-instance",
                ClaimedUntil = until,
            });
            await ctx.SaveChangesAsync();
        }

        using var live = await StartAsync(db, fake);
        // Until the dead instance's claim runs out, nobody else takes the body.
        var quiet = until - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1);
        if (quiet > TimeSpan.Zero)
        {
            await Task.Delay(quiet);
            Assert.Empty(Answers(fake, user));
        }
        await WhatsAppBotSession.WaitDrainedAsync(db);
        await WaitAsync(() => Answers(fake, user).Count > 0);
        Assert.Equal("16.01", RegencyAnswered(Assert.Single(Answers(fake, user))));
    }

    [SkippableFact]
    public async Task Only_one_instance_holds_a_leader_lock_and_the_next_takes_it_when_it_is_let_go()
    {
        PostgresServer.SkipUnlessAvailable();
        using var db = new TestDatabase(provider: DatabaseProvider.PostgreSql);
        await ToolHost.CopyTemplateAsync(db);
        var options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = db.ConnectionString });
        var first = new LeaderLock(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<LeaderLock>.Instance);
        var second = new LeaderLock(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<LeaderLock>.Instance);

        var held = await first.AcquireAsync("telegram-polling", CancellationToken.None);
        var waiting = second.AcquireAsync("telegram-polling", CancellationToken.None);
        await Task.Delay(2500);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(taken.Lost.IsCancellationRequested);
    }

    private static async Task<IHost> StartAsync(TestDatabase db, FakeGraphApi fake)
    {
        var host = BotHost.Build(HostMode.Run,
        [
            db.ConfigArg,
            "--Urls=http://127.0.0.1:0",
            $"--WhatsApp:PhoneNumberId={fake.PhoneNumberId}",
            $"--WhatsApp:AccessToken={fake.AccessToken}",
            $"--WhatsApp:AppSecret={FakeWhatsAppWebhooks.AppSecret}",
            $"--WhatsApp:VerifyToken={FakeWhatsAppWebhooks.VerifyToken}",
            $"--WhatsApp:GraphBaseUrl={fake.BaseUrl}",
        ], WhatsAppBotSession.FastRetries);
        await host.StartAsync();
        return host;
    }

    private static string Address(IHost host) =>
        host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');

    /// <summary>The progress answers the user got (a text or a chart's caption), in the order the fake received them.</summary>
    private static List<SentWhatsApp> Answers(FakeGraphApi fake, string user) =>
        fake.SentTo(user).Where(m => RegencyAnswered(m) is not null).ToList();

    private static string? RegencyAnswered(SentWhatsApp message)
    {
        var text = message.Text ?? "";
        return Regencies.FirstOrDefault(code => text.Contains(NameOf(code), StringComparison.Ordinal));
    }

    private static string NameOf(string code) => Bot.Regions.RegionCatalog.Shared.Find(code)!.Name;

    private static async Task WaitAsync(Func<bool> done)
    {
        using var expiry = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!done())
        {
            await Task.Delay(20, expiry.Token);
        }
    }
}
