using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Fakes;
using W = PLKumkm.Bot.Tests.Fakes.FakeWhatsAppWebhooks;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>One running bot shared by these tests; each test talks as its own WhatsApp user.</summary>
public sealed class WhatsAppHostFixture : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    internal WhatsAppBotSession Bot { get; private set; } = null!;

    public async Task InitializeAsync() => Bot = await WhatsAppBotSession.StartAsync(_db);

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        _db.Dispose();
    }
}

/// <summary>The WhatsApp webhook routes of the real host: handshake, signatures, queueing, statuses, batches, errors.</summary>
public sealed class WhatsAppWebhookTests(WhatsAppHostFixture fixture) : IClassFixture<WhatsAppHostFixture>
{
    private WhatsAppBotSession Bot => fixture.Bot;

    [Fact]
    public async Task The_verification_handshake_echoes_the_challenge_only_for_the_right_token()
    {
        using var ok = await Bot.Http.GetAsync($"{Bot.WebhookUrl}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={W.VerifyToken}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("text/plain", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());

        using var wrongToken = await Bot.Http.GetAsync($"{Bot.WebhookUrl}?hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess");
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        using var wrongMode = await Bot.Http.GetAsync($"{Bot.WebhookUrl}?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token={W.VerifyToken}");
        Assert.Equal(HttpStatusCode.Forbidden, wrongMode.StatusCode);
        using var noToken = await Bot.Http.GetAsync($"{Bot.WebhookUrl}?hub.mode=subscribe&hub.challenge=1");
        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
    }

    [Fact]
    public async Task A_missing_forged_or_mismatched_signature_gets_401_and_nothing_is_stored()
    {
        const string sender = "6281100000001";
        var body = W.Body(W.Text(sender, "/start"));
        var bytes = Encoding.UTF8.GetBytes(body);
        var inboxBefore = await CountInboxAsync();

        string?[] signatures =
        [
            null,                                             // no header
            W.Signature(bytes, "not-the-app-secret"),         // forged with another key
            W.Signature(Encoding.UTF8.GetBytes(body + " ")),  // valid for other bytes
            "sha256=" + new string('0', 64),
            "sha1=" + Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(bytes)),
            "garbage",
        ];
        foreach (var signature in signatures)
        {
            using var response = await Bot.PostAsync(body, signature);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        await using var ctx = Bot.Db.Open();
        Assert.Equal(inboxBefore, await ctx.WebhookInbox.CountAsync());
        Assert.False(await ctx.PersonAddresses.AnyAsync(a => a.Address == "whatsapp:" + sender));
        Assert.Empty(Bot.Fake.SentTo(sender));
    }

    [Fact]
    public async Task A_signed_body_that_cannot_be_read_is_acknowledged_kept_as_unreadable_and_the_next_one_is_answered()
    {
        const string sender = "6281100000011";
        var valid = Encoding.UTF8.GetBytes(W.Body(W.Text(sender, "Halo")));
        // Not UTF-8: a lone continuation byte inside the JSON.
        var broken = valid.Take(valid.Length - 10).Append((byte)0xC3).Append((byte)0x28).Concat(valid.Skip(valid.Length - 10)).ToArray();
        foreach (var body in new[] { broken, Encoding.UTF8.GetBytes("{not json") })
        {
            using var response = await FakeWhatsAppWebhooks.PostBytesAsync(Bot.Http, Bot.WebhookUrl, body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Bot.Fake.SawInbound(sender);
        Assert.Single(await Bot.SendAsync(W.Text(sender, "Halo"), sender));
        await using var ctx = Bot.Db.Open();
        var kept = await ctx.WebhookInbox.Where(i => i.LastError != null && i.LastError.StartsWith("unreadable: ")).ToListAsync();
        Assert.Contains(kept, i => i.LastError == "unreadable: DecoderFallbackException" && i.ProcessedAt != null);
        Assert.Contains(kept, i => i.LastError!.Contains("Json", StringComparison.Ordinal));
        Assert.DoesNotContain(Bot.Logs.Entries, e => e.Message.Contains(sender, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_callbacks_are_acknowledged_and_ignored()
    {
        const string recipient = "6281100000002";
        using var response = await Bot.PostAsync(W.StatusBody(W.Status(recipient, "delivered"), W.Status(recipient, "sent"), W.Status(recipient, "failed")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Bot.WaitDrainedAsync();

        await using var ctx = Bot.Db.Open();
        Assert.False(await ctx.PersonAddresses.AnyAsync(a => a.Address == "whatsapp:" + recipient));
        Assert.Empty(Bot.Fake.SentTo(recipient));
    }

    [Fact]
    public async Task Several_messages_in_one_body_are_all_answered_each_chat_in_order()
    {
        const string a = "6281100000003";
        const string b = "6281100000004";
        Bot.Fake.SawInbound(a);
        Bot.Fake.SawInbound(b);
        var body = W.Body([W.Text(a, "Halo"), W.Text(b, "Halo"), W.Text(a, "/bahasa en"), W.Text(a, "Halo")]);
        using var response = await Bot.PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Bot.WaitDrainedAsync();

        var toA = Bot.Fake.SentTo(a);
        Assert.Equal(3, toA.Count);
        Assert.Contains("/start", toA[0].OptionIds);
        Assert.Contains(toA[0].Buttons, x => x.Title.Contains("Daftarkan", StringComparison.Ordinal));
        Assert.Contains(toA[2].Buttons, x => x.Title.Contains("Register", StringComparison.Ordinal));
        Assert.Single(Bot.Fake.SentTo(b));
    }

    [Fact]
    public async Task Throttled_replies_are_retried_and_arrive()
    {
        const string sender = "6281100000005";
        Bot.Fake.FailNext(130429, times: 2);
        var replies = await Bot.SendAsync(W.Text(sender, "Halo"), sender);
        Assert.Single(replies);
        Assert.Equal(2, Bot.Fake.Requests.Count(r => r.ErrorCode == 130429));

        await using var ctx = Bot.Db.Open();
        Assert.True(await ctx.Outbox.Where(o => o.Address == "whatsapp:" + sender).AllAsync(o => o.SentAt != null));
    }

    [Fact]
    public async Task A_person_known_by_phone_is_the_same_person_on_WhatsApp()
    {
        const string sender = "6281100000007";
        long staffId;
        await using (var ctx = Bot.Db.Open())
        {
            var staff = new Person { Name = "Petugas Rina", Phone = "+" + sender, Role = PersonRole.Enumerator, CreatedAt = DateTimeOffset.UtcNow };
            staff.Addresses.Add(new PersonAddress { Address = "telegram:555001", CreatedAt = DateTimeOffset.UtcNow });
            ctx.People.Add(staff);
            await ctx.SaveChangesAsync();
            staffId = staff.Id;
        }

        await Bot.SendAsync(W.Text(sender, "Halo"), sender);

        await using var check = Bot.Db.Open();
        var phoneHash = check.Protection.Hash("+" + sender);
        var person = await check.People.Include(p => p.Addresses).SingleAsync(p => p.PhoneHash == phoneHash);
        Assert.Equal(staffId, person.Id);
        Assert.Equal(PersonRole.Enumerator, person.Role);
        Assert.Equal(["telegram:555001", "whatsapp:" + sender], person.Addresses.Select(a => a.Address).Order());
    }

    [Fact]
    public async Task Healthz_answers_ok_when_the_database_answers()
    {
        using var response = await Bot.Http.GetAsync(Bot.BaseAddress + "/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"ok\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Telegram_route_is_not_there_without_telegram_webhook_mode()
    {
        using var response = await Bot.Http.PostAsync(Bot.BaseAddress + "/webhooks/telegram", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<int> CountInboxAsync()
    {
        await using var ctx = Bot.Db.Open();
        return await ctx.WebhookInbox.CountAsync();
    }
}
