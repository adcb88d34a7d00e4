using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>A person who blocked the bot on Telegram: the 403 is not retried, and nothing goes to them until they write.</summary>
public sealed class TelegramUnreachableEndToEndTests
{
    private const long Chat = 778001;
    private const string Address = "telegram:778001";

    [Fact]
    public async Task A_blocked_bot_marks_the_person_unreachable_sends_nothing_more_and_writing_again_lifts_it()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);
        Assert.NotEmpty(await bot.SayAsync(Chat, "/start"));

        // As Telegram answers a bot the person blocked: 403, and the reply is not retried.
        bot.Fake.FailNext("sendMessage", 403);
        Assert.Empty(await bot.SayAsync(Chat, "/bantuan"));
        var delivery = bot.Services.GetRequiredService<OutboxDelivery>();
        await delivery.DeliverStalledAsync(CancellationToken.None);
        await delivery.RetryPendingAsync(CancellationToken.None);
        Assert.Single(bot.Fake.RequestsFor("sendMessage"), r => !r.Succeeded);

        await using (var ctx = db.Open())
        {
            Assert.NotNull((await ctx.PersonAddresses.SingleAsync(a => a.Address == Address)).UnreachableSince);
            var failed = await ctx.Outbox.Where(o => o.Address == Address && o.FailedAt != null).ToListAsync();
            Assert.Equal("telegram ApiRequestException 403", Assert.Single(failed).LastError);

            // A message for them from elsewhere (a digest, a notice) is not even tried.
            ctx.Outbox.Add(new OutboxMessage
            {
                Address = Address,
                PayloadJson = OutboxPayload.Serialize(OutboundMessage.Plain("Ringkasan harian")),
                CreatedAt = DateTimeOffset.UtcNow.AddHours(-1),
            });
            await ctx.SaveChangesAsync();
        }

        var requestsBefore = bot.Fake.RequestsFor("sendMessage").Count;
        await delivery.RetryPendingAsync(CancellationToken.None);
        Assert.Equal(requestsBefore, bot.Fake.RequestsFor("sendMessage").Count);
        await using (var ctx = db.Open())
        {
            var digest = await ctx.Outbox.OrderBy(o => o.Id).LastAsync(o => o.Address == Address);
            Assert.Null(digest.SentAt);
            Assert.NotNull(digest.FailedAt);
            Assert.Equal(OutboxStore.Unreachable, digest.LastError);
        }

        // One Warning line, no stack trace, no chat id.
        var warning = Assert.Single(bot.Logs.Entries, e => e.Level >= LogLevel.Warning && e.Message.Contains("403", StringComparison.Ordinal));
        Assert.Contains("cannot be reached", warning.Message, StringComparison.Ordinal);
        Assert.Null(warning.Exception);
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Message.Contains(Chat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        // They unblock the bot and write: replies flow again; what was given up stays given up.
        Assert.NotEmpty(await bot.SayAsync(Chat, "/bantuan"));
        Assert.DoesNotContain(bot.Fake.SentTo(Chat), m => m.PlainText == "Ringkasan harian");
        await using (var ctx = db.Open())
        {
            Assert.Null((await ctx.PersonAddresses.SingleAsync(a => a.Address == Address)).UnreachableSince);
        }
    }
}
