using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Retention;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Retention;

/// <summary>Issue 12, retention: working data goes on its stated schedule, and nothing that is still needed goes.</summary>
public sealed class RetentionPrunerTests
{
    [Fact]
    public async Task Old_working_data_is_pruned_and_what_is_still_needed_stays()
    {
        await using var tool = await ToolHost.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await tool.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<BotDbContext>();
            db.InboundUpdates.AddRange(
                new InboundUpdate { UpdateKey = "old", ProcessedAt = now.AddDays(-9) },
                new InboundUpdate { UpdateKey = "recent", ProcessedAt = now.AddDays(-6) });
            db.Outbox.AddRange(
                new OutboxMessage { Address = "telegram:1", PayloadJson = "{\"text\":\"old sent\"}", CreatedAt = now.AddDays(-8), SentAt = now.AddDays(-8) },
                new OutboxMessage { Address = "telegram:1", PayloadJson = "{\"text\":\"recent sent\"}", CreatedAt = now.AddDays(-1), SentAt = now.AddDays(-1) },
                new OutboxMessage { Address = "telegram:1", PayloadJson = "{\"text\":\"old unsent\"}", CreatedAt = now.AddDays(-30) },
                // Given up for good (blocked, a final WhatsApp code) long ago: gone like a sent one.
                new OutboxMessage { Address = "telegram:1", PayloadJson = "{\"text\":\"old failed\"}", CreatedAt = now.AddDays(-9), FailedAt = now.AddDays(-8), Attempts = 1 },
                new OutboxMessage { Address = "telegram:1", PayloadJson = "{\"text\":\"recent failed\"}", CreatedAt = now.AddDays(-1), FailedAt = now.AddDays(-1), Attempts = 1 });
            db.WebhookInbox.AddRange(
                new WebhookInboxItem { Channel = "whatsapp", Payload = "old unreadable", ReceivedAt = now.AddDays(-2), ProcessedAt = now.AddDays(-2), LastError = "JsonException" },
                new WebhookInboxItem { Channel = "whatsapp", Payload = "recent unreadable", ReceivedAt = now.AddHours(-1), ProcessedAt = now.AddHours(-1), LastError = "JsonException" },
                new WebhookInboxItem { Channel = "telegram", Payload = "", ReceivedAt = now.AddDays(-8), ProcessedAt = now.AddDays(-8) },
                new WebhookInboxItem { Channel = "telegram", Payload = "waiting", ReceivedAt = now.AddDays(-8) });
            db.Sessions.AddRange(
                Session("submitted long ago", active: false, updated: now.AddDays(-8), ended: now.AddDays(-8)),
                Session("cancelled yesterday", active: false, updated: now.AddDays(-1), ended: now.AddDays(-1)),
                Session("answered last month", active: true, updated: now.AddDays(-30)),
                Session("untouched for two months", active: true, updated: now.AddDays(-61)));
            return await db.SaveChangesAsync();
        });

        var report = await tool.Host.Services.GetRequiredService<RetentionPruner>().PruneAsync(CancellationToken.None);

        Assert.Equal(1, report.UpdateKeys);
        Assert.Equal(2, report.OutboxRows);
        await using var ctx = tool.Database.Open();
        Assert.Equal(["recent"], await ctx.InboundUpdates.Select(u => u.UpdateKey).ToListAsync());
        var outbox = (await ctx.Outbox.ToListAsync()).Select(o => o.PayloadJson).Order().ToList();
        Assert.Equal(["{\"text\":\"old unsent\"}", "{\"text\":\"recent failed\"}", "{\"text\":\"recent sent\"}"], outbox);
        var inbox = (await ctx.WebhookInbox.ToListAsync()).ToDictionary(i => i.Payload.Length == 0 ? i.Channel + ":" + i.ReceivedAt.ToUnixTimeSeconds() : i.Payload);
        Assert.DoesNotContain("old unreadable", inbox.Keys);
        Assert.Contains("recent unreadable", inbox.Keys);
        Assert.Contains("waiting", inbox.Keys);
        // The unreadable row stays (time, channel, error) without its payload; the old processed row is gone.
        Assert.Equal(3, inbox.Count);
        Assert.Equal(2, report.Sessions);
        Assert.Equal(["answered last month", "cancelled yesterday"], (await ctx.Sessions.Select(s => s.Stage).ToListAsync()).Order());
    }

    [Fact]
    public async Task A_stored_photo_nothing_refers_to_is_deleted_once_older_than_Media_UnreferencedHours()
    {
        await using var tool = await ToolHost.StartAsync();
        var store = tool.Host.Services.GetRequiredService<Bot.Media.MediaStore>();
        async Task<Bot.Media.MediaReference> Save(string seed, double hoursAgo)
        {
            var stored = await store.SaveAsync((s, ct) => s.WriteAsync(Fakes.FakeMedia.Jpeg(seed), ct).AsTask(), default);
            File.SetLastWriteTimeUtc(store.PathOf(stored.Reference), DateTime.UtcNow.AddHours(-hoursAgo));
            return stored.Reference;
        }

        var orphan = await Save("form cancelled last week", 30);
        var recorded = await Save("in a record", 30);
        var fresh = await Save("being answered", 1);
        await tool.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<BotDbContext>();
            await new Bot.Records.RecordWriter(db, TimeProvider.System).SaveUmkmAsync(
                RecordsTestDatabase.Umkm(a => a["foto"] = recorded.ToString()), RecordsTestDatabase.Owner(1), default);
            return 1;
        });

        var report = await tool.Host.Services.GetRequiredService<RetentionPruner>().PruneAsync(CancellationToken.None);

        Assert.Equal(1, report.Photos);
        Assert.False(store.Exists(orphan));
        Assert.True(store.Exists(recorded));
        Assert.True(store.Exists(fresh));
    }

    private static ConversationSession Session(string stage, bool active, DateTimeOffset updated, DateTimeOffset? ended = null) => new()
    {
        PersonId = 1, QuestionnaireId = "umkm", QuestionnaireVersion = 1, Stage = stage, IsActive = active,
        StartedAt = updated, UpdatedAt = updated, EndedAt = ended, StateJson = "{}",
    };
}
