using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Channels.Telegram;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.Tests.Channels.Telegram;

public sealed class TelegramPollingServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(8);
    private readonly CapturingLoggerProvider _logs = new();
    private FakeBotApi _fake = null!;
    private IHost? _host;

    private EchoProcessor Processor => _host!.Services.GetRequiredService<EchoProcessor>();

    public async Task InitializeAsync() => _fake = await FakeBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        await _fake.DisposeAsync();
    }

    private async Task StartAsync(Action<EchoProcessor>? configure = null)
    {
        _host = TelegramTestHost.Build(_fake, _logs);
        configure?.Invoke(Processor);
        await _host.StartAsync();
    }

    [Fact]
    public async Task StartupSwitchesToPollingAndPublishesTheCommandMenu()
    {
        await StartAsync();
        await _fake.WaitForRequestsAsync("getUpdates", 1, Wait);

        var deleteWebhook = Assert.Single(_fake.RequestsFor("deleteWebhook"));
        Assert.False(deleteWebhook.GetBool("drop_pending_updates"));
        var menus = _fake.CommandMenus;
        Assert.Equal(CommandMenu.All.Select(c => new SentCommand(c.Command, c.Description.Id)), menus[""]);
        Assert.Equal(CommandMenu.All.Select(c => new SentCommand(c.Command, c.Description.En)), menus["en"]);
        Assert.Equal("Mulai / daftar usaha", menus[""][0].Description);

        var poll = _fake.RequestsFor("getUpdates")[0];
        Assert.Equal(1, poll.GetLong("timeout"));
        Assert.Equal("[\"message\",\"edited_message\",\"callback_query\"]", poll.GetString("allowed_updates"));
    }

    [Fact]
    public async Task TextReachesTheProcessorAndTheReplyReachesTheChat()
    {
        await StartAsync();
        var updateId = _fake.EnqueueText(7, "progress OKU");

        var sent = await _fake.WaitForMessagesAsync(7, 1, Wait);

        Assert.Equal("echo: progress OKU", Assert.Single(sent).PlainText);
        var inbound = Assert.Single(Processor.Received);
        Assert.Equal($"telegram:{updateId}", inbound.UpdateKey);
        Assert.Equal("7", inbound.ChatId);
        await _fake.WaitForConfirmedOffsetAsync(updateId + 1, Wait);
    }

    [Fact]
    public async Task OneChatIsProcessedInOrderWhileChatsRunInParallel()
    {
        var chat2Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var chat1WaitedForChat2 = false;
        // Queued before start, so all five arrive in one batch.
        _fake.EnqueueText(1, "a1");
        _fake.EnqueueText(2, "b1");
        _fake.EnqueueText(1, "a2");
        _fake.EnqueueText(2, "b2");
        var last = _fake.EnqueueText(1, "a3");

        await StartAsync(p => p.Before = async (m, ct) =>
        {
            switch (((TextInput)m.Content).Text)
            {
                case "a1":
                    // Finishes only if chat 2 is processed while chat 1 is still busy.
                    await chat2Done.Task.WaitAsync(Wait, ct);
                    chat1WaitedForChat2 = true;
                    break;
                case "b2":
                    chat2Done.SetResult();
                    break;
            }
        });

        var chat1 = await _fake.WaitForMessagesAsync(1, 3, Wait);
        var chat2 = await _fake.WaitForMessagesAsync(2, 2, Wait);

        Assert.True(chat1WaitedForChat2);
        Assert.Equal(["echo: a1", "echo: a2", "echo: a3"], chat1.Select(m => m.PlainText));
        Assert.Equal(["echo: b1", "echo: b2"], chat2.Select(m => m.PlainText));
        Assert.Equal(["a1", "a2", "a3"], TextsOf(Processor.Received.Where(m => m.ChatId == "1")));
        await _fake.WaitForConfirmedOffsetAsync(last + 1, Wait);
    }

    [Theory]
    [InlineData("""{"message_id":1,"date":1700000000,"chat":{"id":9,"type":"private"},"from":{"id":9,"is_bot":false,"first_name":"A"},"text":"hi","forward_origin":{"type":"brand_new","date":1700000000}}""", "message")]
    [InlineData("""{"chat":{"id":9,"type":"private"},"message_id":1,"date":1700000000,"old_reaction":[],"new_reaction":[{"type":"shiny"}]}""", "message_reaction")]
    [InlineData("""{"chat":{"id":-9,"type":"group","title":"g"},"from":{"id":9,"is_bot":false,"first_name":"A"},"date":1700000000,"old_chat_member":{"status":"left","user":{"id":5,"is_bot":true,"first_name":"B"}},"new_chat_member":{"status":"wizard","user":{"id":5,"is_bot":true,"first_name":"B"}}}""", "my_chat_member")]
    public async Task An_update_the_library_cannot_read_is_skipped_and_polling_goes_on(string payload, string kind)
    {
        await StartAsync();
        var unreadable = _fake.Enqueue(id => new System.Text.Json.Nodes.JsonObject { ["update_id"] = id, [kind] = System.Text.Json.Nodes.JsonNode.Parse(payload) });
        var next = _fake.EnqueueText(9, "masih ada?");

        await _fake.WaitForConfirmedOffsetAsync(next + 1, Wait);

        Assert.Equal("echo: masih ada?", Assert.Single(_fake.SentTo(9)).PlainText);
        Assert.True(next > unreadable);
        Assert.Contains(_logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Message.Contains($"Telegram update {unreadable} ({kind}) cannot be read", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("getUpdates failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUpdateIsConfirmedOnlyAfterItWasProcessed()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await StartAsync(p => p.Before = async (_, ct) =>
        {
            started.TrySetResult(_fake.ConfirmedOffset);
            await release.Task.WaitAsync(ct);
        });
        var updateId = _fake.EnqueueText(3, "simpan");

        var offsetWhileProcessing = await started.Task.WaitAsync(Wait);
        // A wrong implementation polls again (and thereby acknowledges) while processing is blocked: wait for that next
        // poll as a signal; a right one makes none, so the wait ends at its bound (long enough for a loaded machine).
        var pollsBefore = _fake.GetUpdatesOffsets.Count;
        var bound = System.Diagnostics.Stopwatch.StartNew();
        while (_fake.GetUpdatesOffsets.Count == pollsBefore && bound.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(10);
        }

        var offsetsWhileBlocked = _fake.GetUpdatesOffsets;
        release.SetResult();
        await _fake.WaitForConfirmedOffsetAsync(updateId + 1, Wait);

        Assert.True(offsetWhileProcessing is null || offsetWhileProcessing <= updateId);
        Assert.DoesNotContain(offsetsWhileBlocked, o => o > updateId);
        Assert.Equal("echo: simpan", Assert.Single(_fake.SentTo(3)).PlainText);
    }

    [Fact]
    public async Task AFailingUpdateGetsAnApologyAndTheNextOneIsStillProcessed()
    {
        await StartAsync(p => p.Before = (m, _) =>
            m.Content is TextInput { Text: "boom" } ? throw new InvalidOperationException("processor failure") : Task.CompletedTask);
        _fake.EnqueueText(5, "boom");
        var next = _fake.EnqueueText(5, "lanjut");

        var sent = await _fake.WaitForMessagesAsync(5, 2, Wait);

        Assert.Equal([TelegramBatchHandler.Apology, "echo: lanjut"], sent.Select(m => m.PlainText));
        await _fake.WaitForConfirmedOffsetAsync(next + 1, Wait);
        Assert.Equal(["boom", "lanjut"], TextsOf(Processor.Received));
    }

    [Fact]
    public async Task ButtonPressesBecomeChoicesAndTheSpinnerIsStopped()
    {
        await StartAsync();
        var updateId = _fake.EnqueueCallback(9, "kbli:C");

        var sent = await _fake.WaitForMessagesAsync(9, 1, Wait);

        Assert.Equal("echo: choice kbli:C", Assert.Single(sent).PlainText);
        Assert.Equal([FakeBotApi.CallbackQueryId(updateId)], _fake.AnsweredCallbackQueries);
    }

    [Fact]
    public async Task ContactsLocationsPhotosAndStickersAreTranslated()
    {
        await StartAsync();
        _fake.EnqueueContact(11, "+6281234567890", contactUserId: 11);
        _fake.EnqueueContact(11, "+6281111111111", contactUserId: 99);
        _fake.EnqueueLocation(11, -4.0216, 104.1694);
        _fake.EnqueuePhoto(11, "Warung", fileId: "AgAC-1");
        _fake.EnqueueSticker(11);

        var sent = await _fake.WaitForMessagesAsync(11, 5, Wait);

        Assert.Equal(
            [
                "echo: contact +6281234567890 own=True",
                "echo: contact +6281111111111 own=False",
                "echo: location -4.0216 104.1694",
                "echo: photo AgAC-1",
                "echo: unsupported sticker",
            ],
            sent.Select(m => m.PlainText));
    }

    [Fact]
    public async Task IgnoredUpdatesAreStillAcknowledged()
    {
        await StartAsync();
        var reaction = _fake.Enqueue(id => FakeBotUpdates.Update(id, "message_reaction", FakeBotUpdates.Reaction(1, 12, "👍")));
        var post = _fake.Enqueue(id => FakeBotUpdates.Update(id, "channel_post", FakeBotUpdates.Text(2, -100777, "kanal")));
        var text = _fake.EnqueueText(12, "baru");

        await _fake.WaitForMessagesAsync(12, 1, Wait);
        await _fake.WaitForConfirmedOffsetAsync(text + 1, Wait);

        Assert.True(text > reaction && text > post);
        Assert.Equal(["baru"], TextsOf(Processor.Received));
        Assert.Equal(0, _fake.PendingUpdateCount);
    }

    [Fact]
    public async Task PollingSurvivesGetUpdatesFailures()
    {
        _fake.FailNext("getUpdates", 409);
        _fake.FailNextRaw("getUpdates", 502, "<html>Bad Gateway</html>");
        await StartAsync();
        _fake.EnqueueText(13, "masih hidup");

        var sent = await _fake.WaitForMessagesAsync(13, 1, TimeSpan.FromSeconds(10));

        Assert.Equal("echo: masih hidup", Assert.Single(sent).PlainText);
        Assert.Equal([409, 502], _fake.RequestsFor("getUpdates").Take(2).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task ARedeliveredUpdateKeepsItsKeyAndTheOffsetNeverGoesBack()
    {
        await StartAsync();
        var first = _fake.EnqueueText(14, "satu");
        await _fake.WaitForMessagesAsync(14, 1, Wait);
        await _fake.WaitForConfirmedOffsetAsync(first + 1, Wait);

        _fake.Redeliver(first);
        var second = _fake.EnqueueText(14, "dua");
        await _fake.WaitForMessagesAsync(14, 3, Wait);
        await _fake.WaitForConfirmedOffsetAsync(second + 1, Wait);

        var keys = Processor.Received.Select(m => m.UpdateKey).ToList();
        Assert.Equal(2, keys.Count(k => k == $"telegram:{first}"));
        var offsets = _fake.GetUpdatesOffsets.Where(o => o is not null).ToList();
        Assert.Equal(offsets.Order(), offsets);
    }

    [Fact]
    public async Task LogsNeverContainTheTokenOrWhatUsersWrote()
    {
        const string Nik = "1601234567890001";
        await StartAsync(p => p.Before = (m, _) =>
            m.Content is TextInput { Text: var t } && t.Contains(Nik, StringComparison.Ordinal)
                ? throw new InvalidOperationException("processor failure")
                : Task.CompletedTask);
        _fake.FailNext("sendMessage", 500);
        var failing = _fake.EnqueueText(15, $"#umkm\nNIK: {Nik}\nHP: 081234567890");
        _fake.EnqueueContact(15, "+6289999999999", contactUserId: 15);

        await _fake.WaitForMessagesAsync(15, 2, Wait);

        var logs = _logs.Entries.Select(e => e.ToString()).ToList();
        Assert.Contains(logs, l => l.Contains($"Processing Telegram update {failing} for chat 15 failed", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("sendMessage failed", StringComparison.Ordinal));
        foreach (var secret in new[] { _fake.Token, Nik, "081234567890", "6289999999999" })
        {
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static IEnumerable<string> TextsOf(IEnumerable<InboundMessage> messages) =>
        messages.Select(m => ((TextInput)m.Content).Text);
}
