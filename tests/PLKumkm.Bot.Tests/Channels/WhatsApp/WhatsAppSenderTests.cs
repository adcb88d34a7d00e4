using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Channels.WhatsApp;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.Tests.Channels.WhatsApp;

/// <summary>The sender against the fake Graph API: what arrives, and how errors are handled.</summary>
public sealed class WhatsAppSenderTests : IAsyncLifetime
{
    private const string To = "6281234567890";
    private readonly CapturingLoggerProvider _logs = new();
    private FakeGraphApi _fake = null!;
    private WhatsAppSender _sender = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeGraphApi.StartAsync();
        _sender = NewSender(_fake, _fake.AccessToken, _logs);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static WhatsAppSender NewSender(FakeGraphApi fake, string token, CapturingLoggerProvider logs,
        Dictionary<string, WhatsAppTemplateOptions>? templates = null)
    {
        var options = Options.Create(new WhatsAppOptions
        {
            PhoneNumberId = fake.PhoneNumberId,
            AccessToken = token,
            AppSecret = "s",
            VerifyToken = "v",
            GraphBaseUrl = fake.BaseUrl,
            Templates = templates ?? new(StringComparer.OrdinalIgnoreCase),
        });
        var retry = new WhatsAppRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) };
        return new WhatsAppSender(new WhatsAppGraphClient(new OneClientFactory(), options), retry, options,
            new LoggerFactory([logs]).CreateLogger<WhatsAppSender>());
    }

    [Fact]
    public async Task Text_buttons_and_lists_are_accepted_by_the_API()
    {
        await _sender.SendAsync(To, OutboundMessage.Plain("Halo *Siti*"), default);
        await _sender.SendAsync(To, new OutboundMessage("Setuju?") { Options = [new("✅ Setuju", "_consent=ya"), new("Tidak setuju", "_consent=tidak")] }, default);
        await _sender.SendAsync(To, new OutboundMessage("Sektor?")
        {
            Options = Enumerable.Range(1, 10).Select(i => new ReplyOption($"Sektor usaha yang panjang sekali nomor {i}", $"kbli={i}")).ToList(),
        }, default);

        var sent = _fake.SentTo(To);
        Assert.Equal(["text", "interactive", "interactive"], sent.Select(s => s.Type));
        Assert.Equal("Halo *Siti*", sent[0].Text);
        Assert.Equal(["_consent=ya", "_consent=tidak"], sent[1].Buttons.Select(b => b.Id));
        Assert.Equal(10, sent[2].Rows.Count);
        Assert.All(_fake.Requests, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task A_picture_is_uploaded_then_sent_by_its_media_id_with_the_caption()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        await _sender.SendAsync(To, new OutboundMessage("Grafik *Sumsel*") { Attachment = new Attachment("grafik.png", "image/png", png) }, default);

        var upload = Assert.Single(_fake.Uploads);
        Assert.Equal("image/png", upload.MediaType);
        Assert.Equal("grafik.png", upload.FileName);
        Assert.Equal(png.Length, upload.Length);
        var image = Assert.Single(_fake.SentTo(To));
        Assert.Equal("image", image.Type);
        Assert.Equal(upload.Id, image.MediaId);
        Assert.Equal("Grafik *Sumsel*", image.Text);
    }

    [Theory]
    [InlineData(130429, 400)]
    [InlineData(131056, 400)]
    [InlineData(80007, 429)]
    [InlineData(4, 400)]
    [InlineData(131057, 503)]
    [InlineData(1, 500)]
    public async Task Throttling_and_server_errors_are_retried_and_the_reply_arrives(int code, int status)
    {
        _fake.FailNext(code, status, times: 2);
        await _sender.SendAsync(To, OutboundMessage.Plain("Terima kasih"), default);

        Assert.Equal([status, status, 200], _fake.Requests.Select(r => r.StatusCode));
        Assert.Equal("Terima kasih", Assert.Single(_fake.SentTo(To)).Text);
        Assert.Equal(2, _logs.Entries.Count(e => e.Message.Contains("retrying", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_proxy_error_page_is_retried_too()
    {
        _fake.FailNextRaw(502, "<html>Bad Gateway</html>");
        await _sender.SendAsync(To, OutboundMessage.Plain("Halo"), default);
        Assert.Single(_fake.SentTo(To));
    }

    [Fact]
    public async Task Retries_are_bounded_and_then_the_failure_is_thrown_for_the_outbox_to_keep()
    {
        _fake.FailNext(130429, times: 10);
        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => _sender.SendAsync(To, OutboundMessage.Plain("Halo"), default));
        Assert.Equal(130429, error.ErrorCode);
        Assert.Equal(new WhatsAppRetryPolicy().MaxAttempts, _fake.Requests.Count);
    }

    [Fact]
    public async Task Outside_the_24_hour_window_a_reply_goes_out_as_its_kind_of_template_or_the_default_one()
    {
        var sender = NewSender(_fake, _fake.AccessToken, _logs, new(StringComparer.OrdinalIgnoreCase)
        {
            ["Default"] = new() { Name = "pesan_baru", Language = "id", Parameters = 1 },
            ["reminder"] = new() { Name = "pengingat_isian", Language = "id", Parameters = 2 },
        });
        _fake.EnforceWindow = true;

        var wamid = await sender.SendForIdAsync(To, new OutboundMessage("Ringkasan isian   Anda:\n1. Nama: Siti") { Options = [new("Kirim", "kirim")] }, default);
        var reminder = await sender.SendForIdAsync(To, new OutboundMessage("Isian Anda belum selesai")
        {
            Template = "reminder", TemplateParameters = ["Siti", "3 hari"],
        }, default);

        var sent = _fake.SentTo(To);
        Assert.Equal(["template", "template"], sent.Select(s => s.Type));
        Assert.Equal(sent[0].Wamid, wamid);
        Assert.Equal(sent[1].Wamid, reminder);
        Assert.Equal(
            """{"messaging_product":"whatsapp","to":"6281234567890","type":"template","template":{"name":"pesan_baru","language":{"code":"id"},"components":[{"type":"body","parameters":[{"type":"text","text":"Ringkasan isian Anda:"}]}]}}""",
            sent[0].Body.GetRawText());
        Assert.Equal(
            """{"messaging_product":"whatsapp","to":"6281234567890","type":"template","template":{"name":"pengingat_isian","language":{"code":"id"},"components":[{"type":"body","parameters":[{"type":"text","text":"Siti"},{"type":"text","text":"3 hari"}]}]}}""",
            sent[1].Body.GetRawText());

        // A kind without a template of its own (staff notices here) goes out as the default template.
        await sender.SendAsync(To, new OutboundMessage("Klaim Anda disetujui.") { Template = OutboundMessage.NoticeTemplate }, default);
        Assert.Contains("\"name\":\"pesan_baru\"", _fake.SentTo(To)[2].Body.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("\"text\":\"Klaim Anda disetujui.\"", _fake.SentTo(To)[2].Body.GetRawText(), StringComparison.Ordinal);

        // A kind with parameters the message does not fill is not guessed at: kept, like no template at all.
        var error = await Assert.ThrowsAsync<WhatsAppOutsideWindowException>(
            () => sender.SendAsync(To, new OutboundMessage("Pengingat") { Template = "reminder" }, default));
        Assert.False(error.TemplateConfigured);
        Assert.Equal(3, _fake.SentTo(To).Count);
    }

    [Fact]
    public async Task Outside_the_24_hour_window_fails_at_once_with_its_own_exception_and_a_log_without_personal_data()
    {
        _fake.EnforceWindow = true;
        var message = OutboundMessage.Plain("NIK Anda 1601074508900001");
        var error = await Assert.ThrowsAsync<WhatsAppOutsideWindowException>(() => _sender.SendAsync(To, message, default));
        Assert.False(error.TemplateConfigured);
        Assert.Equal(DeliveryFailure.Permanent, _sender.Classify(error));
        Assert.Single(_fake.Requests);
        Assert.All(_logs.Entries, e => Assert.DoesNotContain("1601074508900001", e.ToString()));
        Assert.All(_logs.Entries, e => Assert.DoesNotContain(To, e.ToString()));

        // Once the person writes again the same reply goes through.
        _fake.SawInbound(To);
        await _sender.SendAsync(To, message, default);
        Assert.Single(_fake.SentTo(To));
    }

    [Fact]
    public async Task Other_API_errors_are_not_retried()
    {
        await using var wrongToken = await FakeGraphApi.StartAsync();
        var sender = NewSender(wrongToken, "EXPIRED", _logs);
        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => sender.SendAsync(To, OutboundMessage.Plain("Halo"), default));
        Assert.Equal(190, error.ErrorCode);
        Assert.Equal(401, error.HttpStatus);
        Assert.Single(wrongToken.Requests);
        Assert.DoesNotContain("EXPIRED", error.ToString());
    }

    [Fact]
    public async Task Typing_makes_no_Graph_request()
    {
        // The Cloud API's typing indicator needs a received message id; the bot sends none rather than a wrong one.
        var before = _fake.Requests.Count;

        await _sender.ShowTypingAsync(To, default);

        Assert.Equal(before, _fake.Requests.Count);
        Assert.Empty(_fake.SentTo(To));
    }

    private sealed class OneClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(10) };
    }
}
