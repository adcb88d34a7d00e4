using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.EndToEnd;
using PLKumkm.Bot.Tests.Fakes;
using PLKumkm.Bot.Webhooks;
using W = PLKumkm.Bot.Tests.Fakes.FakeWhatsAppWebhooks;

namespace PLKumkm.Bot.Tests.Webhooks;

/// <summary>
/// The webhook drain's group commit: bodies that arrive while the writer is busy go through the pipeline together,
/// a failed one is retried alone, and a backlog longer than one look at the queue keeps each chat's order when new
/// posts for that chat arrive meanwhile.
/// </summary>
public sealed class WebhookGroupCommitTests
{
    private static readonly string[] Regencies = ["16.01", "16.02", "16.03", "16.04", "16.05", "16.06"];

    [Fact]
    public async Task Bodies_posted_while_the_writer_is_busy_are_committed_together_and_a_failed_one_is_retried_alone()
    {
        using var db = new TestDatabase();
        await using var fake = await FakeGraphApi.StartAsync();
        var batches = new BatchLog(failuresFor: "boom", times: 2);
        using var host = BuildHost(db, fake, new WebhookInboxSettings { BaseRetryDelay = TimeSpan.FromMilliseconds(200) }, batches);
        await host.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var url = Address(host) + "/webhooks/whatsapp";
        var users = Enumerable.Range(0, 10).Select(i => $"6281277700{i:000}").ToList();
        users.ForEach(u => fake.SawInbound(u));

        // The writer is busy (another commit holds the database): the posts wait, and then go through as one.
        Task<HttpResponseMessage>[] posts;
        await using (await HoldWritesAsync(host, db))
        {
            posts = [.. users.Select((u, i) => W.PostAsync(http, url, W.Body(W.Text(u, i == 0 ? "boom" : "/bantuan"))))];
            await Task.Delay(500);
            Assert.All(posts, p => Assert.False(p.IsCompleted, "a post was answered before its body was stored: " + (p.IsCompletedSuccessfully ? p.Result.StatusCode.ToString() : p.Exception?.GetBaseException().Message)));
        }

        foreach (var post in posts)
        {
            using var response = await post;
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        foreach (var user in users)
        {
            await fake.WaitForSentAsync(user, 1, TimeSpan.FromSeconds(60));
        }

        await WhatsAppBotSession.WaitDrainedAsync(db);
        // Every message went through the pipeline in a batch; some batch held several chats.
        Assert.Contains(batches.Sizes, size => size > 1);
        // "boom" failed twice inside its batch, each time retried alone, and then went through.
        Assert.Equal(3, batches.Seen.Count(t => t == "boom"));
        Assert.Equal(users.Count - 1, batches.Seen.Count(t => t == "/bantuan"));
        Assert.All(users, u => Assert.Single(fake.SentTo(u)));
        await using var ctx = db.Open();
        Assert.Equal(users.Count, await ctx.WebhookInbox.CountAsync(i => i.ProcessedAt != null && i.LastError == null && i.Payload == ""));
        Assert.Equal(users.Count, await ctx.InboundUpdates.CountAsync());
        await host.StopAsync();
    }

    [Fact]
    public async Task A_backlog_longer_than_one_look_and_new_posts_for_the_same_chat_are_answered_in_order()
    {
        using var db = new TestDatabase();
        await using var fake = await FakeGraphApi.StartAsync();
        const string user = "6281277799001";
        fake.SawInbound(user);
        using (var seeding = BuildHost(db, fake, null, null))
        {
            // Migrated and seeded once, then stopped: what a restart after an outage finds.
            await seeding.StartAsync();
            await seeding.StopAsync();
        }

        await using (var ctx = db.Open())
        {
            foreach (var regency in Regencies)
            {
                ctx.WebhookInbox.Add(new WebhookInboxItem { Channel = "whatsapp", Payload = W.Body(W.Text(user, "progress " + regency), "Siti"), ReceivedAt = DateTimeOffset.UtcNow });
            }

            await ctx.SaveChangesAsync();
        }

        // Two rows per look: the queue is read in several pages while new posts of the same chat arrive.
        using var host = BuildHost(db, fake, new WebhookInboxSettings { ScanLimit = 2 }, null);
        await host.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var url = Address(host) + "/webhooks/whatsapp";
        // Posted once the first page is answered: the rest of the backlog is still unread then.
        await fake.WaitUntilAsync(() => Answers(fake, user).Count >= 2, TimeSpan.FromSeconds(60));
        foreach (var regency in Regencies[..2])
        {
            (await W.PostAsync(http, url, W.Body(W.Text(user, "progress " + regency), "Siti"))).Dispose();
        }

        string[] expected = [.. Regencies, .. Regencies[..2]];
        await fake.WaitUntilAsync(() => Answers(fake, user).Count >= expected.Length, TimeSpan.FromSeconds(30));
        Assert.Equal(expected, Answers(fake, user));
        await host.StopAsync();
    }

    /// <summary>Keeps the inbox from being written: the write gate on SQLite; on PostgreSQL (where the gate stands
    /// open) a transaction holding a lock on the table that inserts wait for.</summary>
    private static async Task<IAsyncDisposable> HoldWritesAsync(IHost host, TestDatabase db)
    {
#if POSTGRES
        _ = host;
        var ctx = db.Open();
        var transaction = await ctx.Database.BeginTransactionAsync();
        await ctx.Database.ExecuteSqlRawAsync("LOCK TABLE webhook_inbox IN SHARE MODE");
        return new Held(async () =>
        {
            await transaction.CommitAsync();
            await transaction.DisposeAsync();
            await ctx.DisposeAsync();
        });
#else
        _ = db;
        var entered = await host.Services.GetRequiredService<WriteGate>().EnterAsync(CancellationToken.None);
        return new Held(() =>
        {
            entered.Dispose();
            return Task.CompletedTask;
        });
#endif
    }

    private sealed class Held(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }

    private static List<string?> Answers(FakeGraphApi fake, string user) =>
        [.. fake.SentTo(user).Select(m => Regencies.FirstOrDefault(code => (m.Text ?? "").Contains(Bot.Regions.RegionCatalog.Shared.Find(code)!.Name, StringComparison.Ordinal)))
            .Where(code => code is not null)];

    private static IHost BuildHost(TestDatabase db, FakeGraphApi fake, WebhookInboxSettings? settings, BatchLog? batches) =>
        BotHost.Build(HostMode.Run,
        [
            db.ConfigArg,
            "--Urls=http://127.0.0.1:0",
            $"--WhatsApp:PhoneNumberId={fake.PhoneNumberId}",
            $"--WhatsApp:AccessToken={fake.AccessToken}",
            $"--WhatsApp:AppSecret={W.AppSecret}",
            $"--WhatsApp:VerifyToken={W.VerifyToken}",
            $"--WhatsApp:GraphBaseUrl={fake.BaseUrl}",
            // Ten posts read at once (the default lets four read and answers 503 to the rest).
            "--Webhooks:MaxUnauthenticatedReads=16",
        ], builder =>
        {
            WhatsAppBotSession.FastRetries(builder);
            if (settings is not null)
            {
                builder.Services.AddSingleton(settings);
            }

            if (batches is not null)
            {
                builder.Services.AddSingleton(batches);
                builder.Services.AddScoped<InboundProcessor>();
                builder.Services.AddScoped<IInboundProcessor, BatchLoggingProcessor>();
            }
        });

    private static string Address(IHost host) =>
        host.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

    internal sealed class BatchLog(string failuresFor, int times)
    {
        private int _failuresLeft = times;

        public ConcurrentQueue<int> Sizes { get; } = new();

        public ConcurrentQueue<string> Seen { get; } = new();

        public bool ShouldFail(InboundMessage message)
        {
            var text = message.Content is TextInput { Text: var t } ? t : "";
            Seen.Enqueue(text);
            return text == failuresFor && Interlocked.Decrement(ref _failuresLeft) >= 0;
        }
    }

    /// <summary>The real pipeline, logging each batch; a chosen text fails (as the real one reports a failed update).</summary>
    internal sealed class BatchLoggingProcessor(InboundProcessor inner, BatchLog log) : IInboundProcessor, IInboundBatchProcessor
    {
        public Task ProcessAsync(InboundMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the webhook drain must hand over batches");

        public Task<IReadOnlyList<InboundFailure>> ProcessBatchAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the webhook drain must not wait for delivery inside the pipeline");

        public async Task<InboundBatchResult> CommitBatchAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
        {
            log.Sizes.Enqueue(messages.Count);
            var failing = messages.Where(log.ShouldFail).ToList();
            var result = await inner.CommitBatchAsync([.. messages.Except(failing)], cancellationToken);
            return new InboundBatchResult(
                [.. result.Failures, .. failing.Select(m => new InboundFailure(m, new InvalidOperationException("simulated failure")))],
                result.Delivered);
        }
    }
}
