using Microsoft.Extensions.Logging.Abstractions;
using PLKumkm.Bot.Channels.Telegram;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Tests.Fakes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace PLKumkm.Bot.Tests.Channels.Telegram;

public sealed class TelegramSenderTests : IAsyncLifetime
{
    private const long Chat = 42;
    private FakeBotApi _fake = null!;
    private TelegramSender _sender = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotApi.StartAsync();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(_fake.Token, _fake.BaseUrl) { RetryThreshold = 0 });
        var retry = new TelegramRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) };
        _sender = new TelegramSender(bot, retry, NullLogger<TelegramSender>.Instance);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public void ThrottlingAndServerErrorsAreExpectedFaultsAndABadRequestIsNot()
    {
        // A 429 whose retry_after is longer than the policy waits is still a throttle, not a bug.
        Assert.Equal("ApiRequestException 429", _sender.DescribeExpectedFault(
            new ApiRequestException("Too Many Requests", 429, new global::Telegram.Bot.Types.ResponseParameters { RetryAfter = 600 })));
        Assert.Equal("ApiRequestException 502", _sender.DescribeExpectedFault(new ApiRequestException("Bad Gateway", 502)));
        Assert.NotNull(_sender.DescribeExpectedFault(new HttpRequestException("connection refused")));
        Assert.Null(_sender.DescribeExpectedFault(new ApiRequestException("Bad Request: chat not found", 400)));
        Assert.Null(_sender.DescribeExpectedFault(new InvalidOperationException("a bug")));
    }

    [Fact]
    public async Task PlainTextIsHtmlEscaped()
    {
        await _sender.SendAsync("42", OutboundMessage.Plain("Omzet <b>& modal"), CancellationToken.None);

        var sent = Assert.Single(_fake.AllSent);
        Assert.Equal("sendMessage", sent.Method);
        Assert.Equal(Chat, sent.ChatId);
        Assert.Equal("Omzet &lt;b&gt;&amp; modal", sent.Text);
        Assert.Equal("Omzet <b>& modal", sent.PlainText);
        Assert.Equal("html", sent.ParseMode, ignoreCase: true);
        Assert.Null(sent.Markup);
    }

    [Fact]
    public async Task LongTextIsSplitOnLineBoundariesWithButtonsUnderTheLastPart()
    {
        var line1 = new string('a', 2000);
        var line2 = new string('b', 2000);
        var line3 = new string('c', 2000);
        var message = new OutboundMessage($"{line1}\n{line2}\n{line3}") { Options = [new("Ya", "yes")] };

        await _sender.SendAsync("42", message, CancellationToken.None);

        var sent = _fake.SentTo(Chat);
        Assert.Equal(2, sent.Count);
        Assert.Equal($"{line1}\n{line2}", sent[0].PlainText);
        Assert.Null(sent[0].Markup);
        Assert.Equal(line3, sent[1].PlainText);
        Assert.Equal("yes", Assert.Single(sent[1].InlineButtons).CallbackData);
    }

    [Fact]
    public async Task ALineLongerThanTheLimitIsCutAtTheLimit()
    {
        await _sender.SendAsync("42", OutboundMessage.Plain(new string('x', 5000)), CancellationToken.None);

        Assert.Equal([4096, 904], _fake.SentTo(Chat).Select(m => m.PlainText!.Length));
    }

    [Fact]
    public void SplitNeverCutsASurrogatePair()
    {
        var text = new string('x', 9) + "😀" + "yy";

        var parts = TelegramText.Split(text, limit: 10);

        Assert.Equal([new string('x', 9), "😀yy"], parts);
    }

    [Fact]
    public async Task ShortOptionsGoTwoPerRow()
    {
        var message = new OutboundMessage("Jenis kelamin?")
        {
            Options = [new("Laki-laki", "L"), new("Perempuan", "P"), new("Lewati", "skip")],
        };

        await _sender.SendAsync("42", message, CancellationToken.None);

        var rows = Assert.Single(_fake.AllSent).Markup!.InlineKeyboard;
        Assert.Equal([["Laki-laki:L", "Perempuan:P"], ["Lewati:skip"]],
            rows.Select(r => r.Select(b => $"{b.Text}:{b.CallbackData}").ToArray()).ToArray());
    }

    [Fact]
    public async Task LongLabelsGetARowEach()
    {
        var message = new OutboundMessage("Bentuk usaha?")
        {
            Options = [new("Perseorangan", "a"), new("Usaha dagang / perseroan komanditer", "b")],
        };

        await _sender.SendAsync("42", message, CancellationToken.None);

        var rows = Assert.Single(_fake.AllSent).Markup!.InlineKeyboard;
        Assert.Equal([1, 1], rows.Select(r => r.Count));
    }

    [Fact]
    public async Task AtMostTwelveButtonsAreShown()
    {
        var options = Enumerable.Range(1, 15).Select(i => new ReplyOption($"Opsi {i}", $"o{i}")).ToList();

        await _sender.SendAsync("42", new OutboundMessage("Pilih") { Options = options }, CancellationToken.None);

        var buttons = Assert.Single(_fake.AllSent).InlineButtons;
        Assert.Equal(12, buttons.Count);
        Assert.Equal("o12", buttons[^1].CallbackData);
    }

    [Fact]
    public async Task CallbackDataOver64BytesIsAProgrammingError()
    {
        // 33 characters, but 66 UTF-8 bytes.
        var message = new OutboundMessage("Pilih") { Options = [new("Desa", new string('é', 33))] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _sender.SendAsync("42", message, CancellationToken.None));

        Assert.Contains("66 UTF-8 bytes", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.AllSent);
    }

    [Fact]
    public async Task ContactRequestShowsAShareButtonThatTheNextPlainMessageRemoves()
    {
        await _sender.SendAsync("42", new OutboundMessage("Nomor HP Anda?") { Request = ReplyRequest.Contact }, CancellationToken.None);
        await _sender.SendAsync("42", OutboundMessage.Plain("Terima kasih."), CancellationToken.None);
        await _sender.SendAsync("42", OutboundMessage.Plain("Pertanyaan berikut."), CancellationToken.None);

        var sent = _fake.SentTo(Chat);
        var button = Assert.Single(sent[0].KeyboardButtons);
        Assert.Equal(new SentKeyboardButton("📱 Bagikan nomor HP", RequestContact: true, RequestLocation: false), button);
        Assert.True(sent[0].Markup!.ResizeKeyboard);
        Assert.True(sent[0].Markup!.OneTimeKeyboard);
        Assert.True(sent[1].RemovesKeyboard);
        Assert.Null(sent[2].Markup);
    }

    [Fact]
    public async Task LocationRequestShowsAShareLocationButton()
    {
        await _sender.SendAsync("42", new OutboundMessage("Lokasi usaha?") { Request = ReplyRequest.Location }, CancellationToken.None);

        var button = Assert.Single(Assert.Single(_fake.AllSent).KeyboardButtons);
        Assert.Equal(new SentKeyboardButton("📍 Bagikan lokasi", RequestContact: false, RequestLocation: true), button);
    }

    [Fact]
    public async Task KeyboardRemovalIsTrackedPerChat()
    {
        await _sender.SendAsync("42", new OutboundMessage("HP?") { Request = ReplyRequest.Contact }, CancellationToken.None);
        await _sender.SendAsync("43", OutboundMessage.Plain("Halo"), CancellationToken.None);

        Assert.Null(Assert.Single(_fake.SentTo(43)).Markup);
    }

    [Fact]
    public async Task ImageIsSentAsPhotoWithEscapedCaption()
    {
        var png = new byte[1234];
        var message = new OutboundMessage("Grafik <Sumsel>") { Attachment = new Attachment("grafik.png", "image/png", png) };

        await _sender.SendAsync("42", message, CancellationToken.None);

        var sent = Assert.Single(_fake.AllSent);
        Assert.Equal("sendPhoto", sent.Method);
        Assert.Equal(1234, sent.PhotoLength);
        Assert.Equal("Grafik &lt;Sumsel&gt;", sent.Text);
        Assert.Equal("Grafik <Sumsel>", sent.PlainText);
    }

    [Fact]
    public async Task CaptionTooLongForAPhotoFollowsAsText()
    {
        var text = new string('k', 1500);
        var message = new OutboundMessage(text)
        {
            Attachment = new Attachment("grafik.png", "image/png", new byte[10]),
            Options = [new("OK", "ok")],
        };

        await _sender.SendAsync("42", message, CancellationToken.None);

        var sent = _fake.SentTo(Chat);
        Assert.Equal(["sendPhoto", "sendMessage"], sent.Select(m => m.Method));
        Assert.Null(sent[0].Text);
        Assert.Null(sent[0].Markup);
        Assert.Equal(text, sent[1].PlainText);
        Assert.Equal("ok", Assert.Single(sent[1].InlineButtons).CallbackData);
    }

    [Fact]
    public async Task OtherAttachmentsAreSentAsDocuments()
    {
        var message = new OutboundMessage("Ekspor") { Attachment = new Attachment("oku.csv", "text/csv", new byte[321]) };

        await _sender.SendAsync("42", message, CancellationToken.None);

        var sent = Assert.Single(_fake.AllSent);
        Assert.Equal("sendDocument", sent.Method);
        Assert.Equal(321, sent.DocumentLength);
        Assert.Equal("Ekspor", sent.PlainText);
    }

    [Fact]
    public async Task TypingSendsAChatAction()
    {
        await _sender.ShowTypingAsync("42", CancellationToken.None);

        var request = Assert.Single(_fake.RequestsFor("sendChatAction"));
        Assert.Equal(Chat, request.GetLong("chat_id"));
        Assert.Equal("typing", request.GetString("action"));
    }

    [Fact]
    public async Task TooManyRequestsWaitsRetryAfterBeforeRetrying()
    {
        _fake.FailNext("sendMessage", 429, retryAfter: 1);

        await _sender.SendAsync("42", OutboundMessage.Plain("Halo"), CancellationToken.None);

        var attempts = _fake.RequestsFor("sendMessage");
        Assert.Equal([429, 200], attempts.Select(r => r.StatusCode));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(1),
            $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        Assert.Equal("Halo", Assert.Single(_fake.AllSent).PlainText);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedWithBackoff()
    {
        _fake.FailNext("sendMessage", 500, times: 2);
        _fake.FailNextRaw("sendMessage", 502, "<html><body>Bad Gateway</body></html>");

        await _sender.SendAsync("42", OutboundMessage.Plain("Halo"), CancellationToken.None);

        Assert.Equal([500, 500, 502, 200], _fake.RequestsFor("sendMessage").Select(r => r.StatusCode));
        Assert.Single(_fake.AllSent);
    }

    [Fact]
    public async Task PersistentServerErrorsGiveUpAfterFourAttempts()
    {
        _fake.FailNext("sendMessage", 500, times: 10);

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => _sender.SendAsync("42", OutboundMessage.Plain("Halo"), CancellationToken.None));

        Assert.Equal(500, error.ErrorCode);
        Assert.Equal(4, _fake.RequestsFor("sendMessage").Count);
    }

    [Fact]
    public async Task ClientErrorsAreNotRetried()
    {
        _fake.FailNext("sendMessage", 403);

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => _sender.SendAsync("42", OutboundMessage.Plain("Halo"), CancellationToken.None));

        Assert.Equal(403, error.ErrorCode);
        Assert.Single(_fake.RequestsFor("sendMessage"));
    }

    [Fact]
    public async Task PhotoUploadIsRepeatedInFullOnRetry()
    {
        _fake.FailNext("sendPhoto", 500);

        await _sender.SendAsync("42", new OutboundMessage("") { Attachment = new Attachment("g.png", "image/png", new byte[777]) },
            CancellationToken.None);

        Assert.Equal(777, Assert.Single(_fake.AllSent).PhotoLength);
        Assert.Equal([777, 777], _fake.RequestsFor("sendPhoto").Select(r => r.Files.Values.Single()));
    }
}
