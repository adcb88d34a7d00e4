using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Fakes;
using W = PLKumkm.Bot.Tests.Fakes.FakeWhatsAppWebhooks;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>
/// What WhatsApp says after accepting a reply (failed statuses with errors, value-level errors, several entries and
/// changes per post) and the 24-hour window: the outbox row is marked, retried, or sent as its template.
/// </summary>
public sealed class WhatsAppDeliveryStatusTests(WhatsAppHostFixture fixture) : IClassFixture<WhatsAppHostFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private WhatsAppBotSession Bot => fixture.Bot;

    [Fact]
    public async Task A_failed_status_with_a_final_code_marks_the_sent_reply_failed_with_that_code_and_it_is_not_sent_again()
    {
        const string person = "6281200000001";
        const string other = "6281200000002";
        var reply = Assert.Single(await Bot.SendAsync(W.Text(person, "/bantuan"), person));
        var warningsBefore = Warnings().Count;

        // As Meta batches them: entries with several changes; the failed status among messages and other statuses.
        Bot.Fake.SawInbound(other);
        using (var response = await Bot.PostAsync(W.Entries(
                   [W.StatusesValue(W.Status(person, "sent", reply.Wamid)), W.MessagesValue(W.Text(other, "/bantuan"))],
                   [W.StatusesValue(W.Status(person, "delivered", "wamid.someone-else"), W.FailedStatus(person, reply.Wamid, 130472, "User's number is part of an experiment"))])))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Bot.WaitDrainedAsync();
        Assert.Single(Bot.Fake.SentTo(other));
        var row = await RowOfAsync(reply.Wamid);
        Assert.Null(row.SentAt);
        Assert.NotNull(row.FailedAt);
        Assert.Equal("whatsapp error 130472", row.LastError);

        // The same status again (Meta delivers at least once) changes nothing, logs nothing more, and nothing is resent.
        using (var again = await Bot.PostAsync(W.StatusBody(W.FailedStatus(person, reply.Wamid, 130472))))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        await Bot.WaitDrainedAsync();
        var warning = Assert.Single(Warnings().Skip(warningsBefore), e => e.Message.Contains("130472", StringComparison.Ordinal));
        Assert.DoesNotContain(person, warning.Message);
        Assert.DoesNotContain(reply.Wamid, warning.Message);
        Assert.Single(Bot.Fake.SentTo(person));
        Assert.Contains("plkumkm_delivery_statuses_total{channel=\"whatsapp\",status=\"failed\",code=\"130472\"}", await MetricsAsync());
    }

    [Fact]
    public async Task A_failed_status_with_a_retryable_code_puts_the_reply_back_and_it_is_sent_again_after_a_backoff()
    {
        const string person = "6281200000003";
        var reply = Assert.Single(await Bot.SendAsync(W.Text(person, "/bantuan"), person));

        using (var response = await Bot.PostAsync(W.StatusBody(W.FailedStatus(person, reply.Wamid, 131000, "Something went wrong"))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Bot.Fake.WaitForSentAsync(person, 2, Timeout);
        var resent = Bot.Fake.SentTo(person)[1];
        Assert.Equal(reply.Text, resent.Text);
        Assert.NotEqual(reply.Wamid, resent.Wamid);
        await WaitUntilAsync(async () => (await RowOfAsync(resent.Wamid, orNull: true))?.SentAt is not null);
        var row = await RowOfAsync(resent.Wamid);
        Assert.Null(row.FailedAt);
        Assert.Equal(2, row.Attempts);
    }

    [Fact]
    public async Task Value_level_errors_are_logged_once_by_code_and_counted_and_the_messages_beside_them_answered()
    {
        const string person = "6281200000004";
        Bot.Fake.SawInbound(person);
        using (var response = await Bot.PostAsync(W.Entries(
                   [W.ErrorsValue(W.Error(130429, "Rate limit hit"))],
                   [W.MessagesValue(W.Text(person, "/bantuan"))])))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Bot.WaitDrainedAsync();
        Assert.Single(Bot.Fake.SentTo(person));
        Assert.Single(Warnings(), e => e.Message == "WhatsApp webhook reported error 130429, not tied to a message");
        Assert.Contains("plkumkm_delivery_statuses_total{channel=\"whatsapp\",status=\"error\",code=\"130429\"}", await MetricsAsync());
    }

    [Fact]
    public async Task An_undeliverable_number_is_marked_unreachable_until_the_person_writes_again()
    {
        const string person = "6281200000005";
        var reply = Assert.Single(await Bot.SendAsync(W.Text(person, "/bantuan"), person));
        using (var response = await Bot.PostAsync(W.StatusBody(W.FailedStatus(person, reply.Wamid, 131026, "Message undeliverable"))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Bot.WaitDrainedAsync();
        await using (var ctx = Bot.Db.Open())
        {
            Assert.NotNull((await ctx.PersonAddresses.SingleAsync(a => a.Address == "whatsapp:" + person)).UnreachableSince);
        }

        Assert.Equal("whatsapp error 131026", (await RowOfAsync(reply.Wamid)).LastError);

        // Something queued for them meanwhile (a notice) is given up without a call to the Graph API.
        await using (var ctx = Bot.Db.Open())
        {
            ctx.Outbox.Add(new OutboxMessage
            {
                Address = "whatsapp:" + person,
                PayloadJson = OutboxPayload.Serialize(OutboundMessage.Plain("Klaim Anda disetujui")),
                CreatedAt = DateTimeOffset.UtcNow.AddHours(-1),
            });
            await ctx.SaveChangesAsync();
        }

        var requests = Bot.Fake.Requests.Count;
        await Bot.Services.GetRequiredService<OutboxDelivery>().RetryPendingAsync(CancellationToken.None);
        Assert.Equal(requests, Bot.Fake.Requests.Count);
        await using (var ctx = Bot.Db.Open())
        {
            Assert.Equal(OutboxStore.Unreachable, (await ctx.Outbox.OrderBy(o => o.Id).LastAsync(o => o.Address == "whatsapp:" + person)).LastError);
        }

        // They write again: the mark goes and the reply is sent.
        Assert.Single(await Bot.SendAsync(W.Text(person, "/bantuan"), person));
        await using (var ctx = Bot.Db.Open())
        {
            Assert.Null((await ctx.PersonAddresses.SingleAsync(a => a.Address == "whatsapp:" + person)).UnreachableSince);
        }
    }

    [Fact]
    public async Task Outside_the_window_with_no_template_the_reply_is_kept_as_failed_in_one_log_line_and_not_retried()
    {
        const string person = "6281200000006";
        Bot.Fake.EnforceWindow = true;
        try
        {
            using var response = await Bot.PostAsync(W.Body(W.Text(person, "Halo")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Bot.WaitDrainedAsync();
        }
        finally
        {
            Bot.Fake.EnforceWindow = false;
        }

        Assert.Empty(Bot.Fake.SentTo(person));
        Assert.Single(Bot.Fake.Requests, r => r.ErrorCode == 131047 && JsonTo(r.Body) == person);
        await using var ctx = Bot.Db.Open();
        var kept = await ctx.Outbox.SingleAsync(o => o.Address == "whatsapp:" + person);
        Assert.Null(kept.SentAt);
        Assert.NotNull(kept.FailedAt);
        Assert.StartsWith("whatsapp error 131047, the 24-hour window is closed and no template fits", kept.LastError, StringComparison.Ordinal);
        Assert.Single(Warnings(), e => e.Message.Contains($"Outbox message {kept.Id} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_131047_status_with_no_template_keeps_the_reply_as_failed_in_one_warning_without_another_send()
    {
        const string person = "6281200000007";
        var reply = Assert.Single(await Bot.SendAsync(W.Text(person, "/bantuan"), person));
        var warningsBefore = Warnings().Count;
        var requests = Bot.Fake.Requests.Count;

        using (var response = await Bot.PostAsync(W.StatusBody(W.FailedStatus(person, reply.Wamid, 131047, "Re-engagement message"))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await WaitUntilAsync(async () =>
        {
            await using var ctx = Bot.Db.Open();
            return (await ctx.Outbox.FindAsync((await RowOfAsync(reply.Wamid)).Id))!.FailedAt is not null;
        });
        var row = await RowOfAsync(reply.Wamid);
        Assert.StartsWith("whatsapp error 131047, the 24-hour window is closed and no template fits", row.LastError, StringComparison.Ordinal);
        Assert.Equal(requests, Bot.Fake.Requests.Count);
        var warning = Assert.Single(Warnings().Skip(warningsBefore));
        Assert.Contains($"Outbox message {row.Id} ", warning.Message, StringComparison.Ordinal);
    }

    private List<CapturedLog> Warnings() => [.. Bot.Logs.Entries.Where(e => e.Level == LogLevel.Warning)];

    private static string? JsonTo(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("to", out var to) ? to.GetString() : null;

    private async Task<string> MetricsAsync() => await Bot.Http.GetStringAsync(Bot.BaseAddress + "/metrics");

    private async Task<OutboxMessage> RowOfAsync(string wamid) => (await RowOfAsync(wamid, orNull: false))!;

    private async Task<OutboxMessage?> RowOfAsync(string wamid, bool orNull)
    {
        await using var ctx = Bot.Db.Open();
        var hash = ctx.Protection.Hash(wamid);
        var rows = ctx.Outbox.AsNoTracking().Where(o => o.ChannelMessageHash == hash);
        return orNull ? await rows.SingleOrDefaultAsync() : await rows.SingleAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var expiry = new CancellationTokenSource(Timeout);
        while (!await condition())
        {
            await Task.Delay(20, expiry.Token);
        }
    }
}

/// <summary>A bot with templates configured: a reply that meets a closed window goes out as its template.</summary>
public sealed class WhatsAppTemplateEndToEndTests : IAsyncLifetime
{
    private const string Template = """{"name":"pesan_baru","language":{"code":"id"},"components":[{"type":"body","parameters":[{"type":"text","text":""";
    private readonly TestDatabase _db = new();
    private WhatsAppBotSession _bot = null!;

    public async Task InitializeAsync() => _bot = await WhatsAppBotSession.StartAsync(_db,
        "--WhatsApp:Templates:Default:Name=pesan_baru", "--WhatsApp:Templates:Default:Language=id", "--WhatsApp:Templates:Default:Parameters=1");

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task A_131047_answered_at_once_sends_the_reply_as_its_template()
    {
        const string person = "6281200000011";
        _bot.Fake.EnforceWindow = true;
        using (var response = await _bot.PostAsync(W.Body(W.Text(person, "/bantuan"))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await _bot.WaitDrainedAsync();
        var sent = Assert.Single(_bot.Fake.SentTo(person));
        Assert.Equal("template", sent.Type);
        Assert.StartsWith(Template, sent.Body.GetProperty("template").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(person, sent.Body.GetProperty("to").GetString());
        await using var ctx = _db.Open();
        var row = await ctx.Outbox.SingleAsync(o => o.Address == "whatsapp:" + person);
        Assert.NotNull(row.SentAt);
        Assert.Equal(ctx.Protection.Hash(sent.Wamid), row.ChannelMessageHash);
    }

    [Fact]
    public async Task A_131047_reported_later_as_a_failed_status_sends_the_reply_again_as_its_template_once()
    {
        const string person = "6281200000012";
        var reply = Assert.Single(await _bot.SendAsync(W.Text(person, "/bantuan"), person));

        using (var response = await _bot.PostAsync(W.StatusBody(W.FailedStatus(person, reply.Wamid, 131047, "Re-engagement message"))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await _bot.Fake.WaitForSentAsync(person, 2, TimeSpan.FromSeconds(20));
        var template = _bot.Fake.SentTo(person)[1];
        Assert.Equal("template", template.Type);
        var parameter = template.Body.GetProperty("template").GetProperty("components")[0].GetProperty("parameters")[0].GetProperty("text").GetString();
        Assert.StartsWith(parameter!.TrimEnd('…'), reply.Text, StringComparison.Ordinal);
    }
}
