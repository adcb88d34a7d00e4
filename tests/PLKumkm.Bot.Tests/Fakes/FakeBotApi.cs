using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>
/// An in-process Telegram Bot API server on 127.0.0.1 for tests and benchmarks. Point the bot's
/// <c>Telegram:ApiBaseUrl</c> at <see cref="BaseUrl"/> and its token at <see cref="Token"/>; enqueue updates
/// that the bot receives through real long polling, and inspect what it sent.
/// All members are thread-safe.
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    public const string DefaultToken = "123456:TEST";

    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<PendingUpdate> _pending = [];
    private readonly Dictionary<int, string> _history = [];
    private readonly List<FakeBotRequest> _requests = [];
    private readonly List<UploadedFile> _uploads = [];
    private readonly List<SentMessage> _sent = [];
    private readonly Dictionary<long, List<SentMessage>> _sentByChat = [];
    private readonly Dictionary<long, int> _lastMessageIdByChat = [];
    private readonly Dictionary<string, Queue<Fault>> _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<SentCommand>> _commands = new(StringComparer.Ordinal);
    private readonly List<string> _answeredCallbacks = [];
    private readonly List<long?> _offsets = [];
    private WebApplication? _app;
    private TaskCompletionSource _updatesChanged = NewSignal();
    private TaskCompletionSource _stateChanged = NewSignal();
    private int _nextUpdateId = 100;
    private int _nextMessageId = 1;
    private int? _confirmedOffset;
    private int _sentCount;
    private string? _webhookUrl;

    private FakeBotApi(string token)
    {
        Token = token;
        BotUserId = long.Parse(token.AsSpan(0, token.IndexOf(':', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Token { get; }

    /// <summary>The bot's own user id (the token's prefix).</summary>
    public long BotUserId { get; }

    /// <summary><c>http://127.0.0.1:PORT</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Delay added before answering every method except getUpdates (simulated network latency).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// While set, every send (sendMessage/Photo/Document) waits for this task before it is answered, and
    /// <see cref="SendHeld"/> completes when the first one is waiting: a test stops the bot exactly while a reply is on
    /// its way, with no timing guess.
    /// </summary>
    public Task? SendGate { get; set; }

    /// <summary>Completes when a send is held at <see cref="SendGate"/>.</summary>
    public Task SendHeld => _sendHeld.Task;

    private readonly TaskCompletionSource _sendHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Keeps the request log and every update's JSON (for <see cref="Redeliver"/>). Turn off to keep memory
    /// flat in long benchmarks; sent messages, offsets and counters are still recorded.</summary>
    public bool RecordHistory { get; set; } = true;

    /// <summary>Keeps every sent message for <see cref="AllSent"/>/<see cref="SentTo"/>. Benchmarks that only
    /// count turn it off and watch <see cref="SentObserver"/> instead, so memory stays flat.</summary>
    public bool KeepSent { get; set; } = true;

    /// <summary>Called (outside the fake's lock, on the request's thread) for every message the bot sent.</summary>
    public Action<SentMessage>? SentObserver { get; set; }

    /// <summary>Called (outside the fake's lock) with the new confirmed offset whenever it grows.</summary>
    public Action<int>? ConfirmObserver { get; set; }

    /// <summary>Decides per call whether to fail it (e.g. random 429/5xx); null = answer normally.
    /// Consulted after the <see cref="FailNext"/> queue.</summary>
    public Func<FakeCall, FakeFault?>? FaultPolicy { get; set; }

    /// <summary>Messages sent so far (counted even when <see cref="KeepSent"/> is off).</summary>
    public int SentCount
    {
        get { lock (_gate) { return _sentCount; } }
    }

    public static async Task<FakeBotApi> StartAsync(string token = DefaultToken, CancellationToken cancellationToken = default)
    {
        var fake = new FakeBotApi(token);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeBotApi).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(fake.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        fake.BaseUrl = address.TrimEnd('/');
        fake._app = app;
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        // Release long polls first, or shutdown would wait for them to time out.
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_pusher is not null)
        {
            await _pusher.ConfigureAwait(false);
        }

        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    // ---- Inbound: updates the bot will receive -------------------------------------------------

    public int EnqueueText(long chatId, string text, long? fromId = null) =>
        EnqueueMessage(id => FakeBotUpdates.Text(id, chatId, text, fromId));

    /// <summary>A press on an inline button with <paramref name="data"/>, under the last message sent to the chat.</summary>
    public int EnqueueCallback(long chatId, string data)
    {
        int botMessageId;
        lock (_gate)
        {
            botMessageId = _lastMessageIdByChat.GetValueOrDefault(chatId, 1);
        }

        return Enqueue(id => FakeBotUpdates.Update(id, "callback_query",
            FakeBotUpdates.CallbackQuery(CallbackQueryId(id), chatId, data, botMessageId, BotUserId)));
    }

    /// <summary>The id of the callback query carried by update <paramref name="updateId"/>.</summary>
    public static string CallbackQueryId(int updateId) => $"cbq-{updateId}";

    /// <summary>A shared contact card; the sender is the chat's user, so <paramref name="contactUserId"/> == chat id means
    /// "my own number" and anything else someone else's.</summary>
    public int EnqueueContact(long chatId, string phone, long contactUserId, bool forwarded = false) =>
        EnqueueMessage(id => FakeBotUpdates.Contact(id, chatId, phone, contactUserId, forwarded: forwarded));

    public int EnqueueLocation(long chatId, double latitude, double longitude) =>
        EnqueueMessage(id => FakeBotUpdates.Location(id, chatId, latitude, longitude));

    /// <summary>A photo; its largest size has file id <paramref name="fileId"/> (default <c>photo-{updateId}</c>).</summary>
    public int EnqueuePhoto(long chatId, string? caption = null, string? fileId = null) =>
        EnqueueMessage(id => FakeBotUpdates.Photo(id, chatId, fileId ?? $"photo-{id}", caption));

    public int EnqueueDocument(long chatId, string fileId, string mimeType, string fileName, int fileSize) =>
        EnqueueMessage(id => FakeBotUpdates.Document(id, chatId, fileId, mimeType, fileName, fileSize));

    public int EnqueueSticker(long chatId) => EnqueueMessage(id => FakeBotUpdates.Sticker(id, chatId));

    /// <summary>The person edits their message <paramref name="messageId"/> (for messages enqueued here, its update id) to
    /// say <paramref name="text"/>.</summary>
    public int EnqueueEdit(long chatId, int messageId, string text) =>
        Enqueue(id => FakeBotUpdates.Update(id, "edited_message", FakeBotUpdates.EditedText(messageId, chatId, text)));

    /// <summary>The person reacts to message <paramref name="messageId"/> with <paramref name="emoji"/> (null: removes it).</summary>
    public int EnqueueReaction(long chatId, int messageId, string? emoji) =>
        Enqueue(id => FakeBotUpdates.Update(id, "message_reaction", FakeBotUpdates.Reaction(messageId, chatId, emoji)));

    /// <summary>Any message; the builder gets the id used for both update_id and message_id.</summary>
    public int EnqueueMessage(Func<int, JsonObject> message) =>
        Enqueue(id => FakeBotUpdates.Update(id, "message", message(id)));

    /// <summary>Any update (edited_message, channel_post…): the builder gets the update id and returns the whole update.</summary>
    public int Enqueue(Func<int, JsonObject> update)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            var json = update(id).ToJsonString();
            var pending = new PendingUpdate(id, json, redelivery: false);
            _pending.Add(pending);
            _pushQueue?.Writer.TryWrite(pending);
            if (RecordHistory)
            {
                _history[id] = json;
            }

            PulseUpdates();
            return id;
        }
    }

    /// <summary>Delivers an already enqueued update again with the same update_id, even if it was confirmed,
    /// as Telegram does after a crash before confirmation. It is delivered once more.</summary>
    public void Redeliver(int updateId)
    {
        lock (_gate)
        {
            if (!_history.TryGetValue(updateId, out var json))
            {
                throw new ArgumentException($"Update {updateId} was never enqueued (or RecordHistory is off).", nameof(updateId));
            }

            var pending = new PendingUpdate(updateId, json, redelivery: true);
            _pending.Add(pending);
            _pushQueue?.Writer.TryWrite(pending);
            PulseUpdates();
        }
    }

    // ---- Fault injection -----------------------------------------------------------------------

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with <paramref name="errorCode"/>
    /// (429 carries parameters.retry_after = <paramref name="retryAfter"/>).</summary>
    public void FailNext(string method, int errorCode, int? retryAfter = null, int times = 1)
    {
        var fault = new Fault(errorCode, retryAfter, RawBody: null);
        AddFault(method, fault, times);
    }

    /// <summary>The next call answers with a raw body, e.g. a proxy's HTML 502 page.</summary>
    public void FailNextRaw(string method, int statusCode, string body, int times = 1) =>
        AddFault(method, new Fault(statusCode, null, body), times);

    private void AddFault(string method, Fault fault, int times)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(method, out var queue))
            {
                _faults[method] = queue = new Queue<Fault>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    // ---- Observations --------------------------------------------------------------------------

    public IReadOnlyList<SentMessage> AllSent
    {
        get { lock (_gate) { return [.. _sent]; } }
    }

    public IReadOnlyList<SentMessage> SentTo(long chatId)
    {
        lock (_gate)
        {
            return _sentByChat.TryGetValue(chatId, out var list) ? [.. list] : [];
        }
    }

    /// <summary>Every file the bot uploaded (photos, documents), in order, with its bytes.</summary>
    public IReadOnlyList<UploadedFile> Uploads
    {
        get { lock (_gate) { return [.. _uploads]; } }
    }

    public IReadOnlyList<FakeBotRequest> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    public IReadOnlyList<FakeBotRequest> RequestsFor(string method)
    {
        lock (_gate)
        {
            return [.. _requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))];
        }
    }

    /// <summary>Highest positive offset the bot has sent to getUpdates: every update below it is acknowledged.</summary>
    public int? ConfirmedOffset
    {
        get { lock (_gate) { return _confirmedOffset; } }
    }

    /// <summary>The offset of every getUpdates call in order (null when the bot sent none).</summary>
    public IReadOnlyList<long?> GetUpdatesOffsets
    {
        get { lock (_gate) { return [.. _offsets]; } }
    }

    public int PendingUpdateCount
    {
        get { lock (_gate) { return _pending.Count; } }
    }

    public IReadOnlyList<string> AnsweredCallbackQueries
    {
        get { lock (_gate) { return [.. _answeredCallbacks]; } }
    }

    /// <summary>Command menus set with setMyCommands, keyed by language_code ("" for the default menu).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SentCommand>> CommandMenus
    {
        get { lock (_gate) { return new Dictionary<string, IReadOnlyList<SentCommand>>(_commands); } }
    }

    public string? WebhookUrl
    {
        get { lock (_gate) { return _webhookUrl; } }
    }

    // ---- Waiting -------------------------------------------------------------------------------

    /// <summary>Waits until at least <paramref name="count"/> messages were sent to the chat and returns all sent so far.</summary>
    public async Task<IReadOnlyList<SentMessage>> WaitForMessagesAsync(long chatId, int count, TimeSpan timeout)
    {
        await WaitUntilAsync(() => _sentByChat.TryGetValue(chatId, out var list) && list.Count >= count, timeout,
            () => $"{count} message(s) to chat {chatId}; got: [{string.Join(" | ", SentTo(chatId).Select(m => m.PlainText))}]")
            .ConfigureAwait(false);
        return SentTo(chatId);
    }

    /// <summary>Waits until the bot has acknowledged every update below <paramref name="offset"/>.</summary>
    public Task WaitForConfirmedOffsetAsync(int offset, TimeSpan timeout) =>
        WaitUntilAsync(() => _confirmedOffset >= offset, timeout,
            () => $"getUpdates offset >= {offset}; confirmed offset is {ConfirmedOffset?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");

    /// <summary>Waits until <paramref name="method"/> has been called at least <paramref name="count"/> times (failed calls included).</summary>
    public async Task<IReadOnlyList<FakeBotRequest>> WaitForRequestsAsync(string method, int count, TimeSpan timeout)
    {
        await WaitUntilAsync(
            () => _requests.Count(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)) >= count,
            timeout, () => $"{count} {method} call(s); got {RequestsFor(method).Count}").ConfigureAwait(false);
        return RequestsFor(method);
    }

    /// <summary>Waits for a condition over the fake's state; it is evaluated under the fake's lock after every change.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string>? describe = null)
    {
        using var expiry = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition())
                {
                    return;
                }

                changed = _stateChanged.Task;
            }

            try
            {
                await changed.WaitAsync(expiry.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (expiry.IsCancellationRequested)
            {
                throw new TimeoutException($"FakeBotApi: no {describe?.Invoke() ?? "matching state"} within {timeout.TotalSeconds:0.#} s.");
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Callers hold _gate.
    private void PulseUpdates()
    {
        var old = _updatesChanged;
        _updatesChanged = NewSignal();
        old.TrySetResult();
    }

    // Callers hold _gate.
    private void PulseState()
    {
        var old = _stateChanged;
        _stateChanged = NewSignal();
        old.TrySetResult();
    }

    private sealed class PendingUpdate(int id, string json, bool redelivery)
    {
        public int Id { get; } = id;

        public string Json { get; } = json;

        public bool Redelivery { get; } = redelivery;

        public bool Delivered { get; set; }

        /// <summary>Failed webhook posts of this update so far (the retry waits longer each time).</summary>
        public int Attempts { get; set; }
    }

    private sealed record Fault(int ErrorCode, int? RetryAfter, string? RawBody);
}
