using System.Collections.Concurrent;
using System.Diagnostics;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.LoadTest.Simulation;

/// <summary>
/// Drives simulated users against a <see cref="FakeBotApi"/>. An update counts as answered when the bot has both
/// acknowledged the update (its getUpdates offset moved past it, or in webhook mode it answered the post) and sent the step's replies (as many as the
/// calibration found, or the first one): only then does the user send the next message, as a person reads the
/// answer before typing. The bot acknowledges a batch once it is committed, so replies may come after the acknowledgement. Closed loop: every user sends again at once;
/// open loop: <see cref="RunOpenLoopAsync"/> sends at a fixed rate from the idle users.
/// </summary>
internal sealed class Driver
{
    public const string Apology = "Maaf, terjadi gangguan";

    private readonly FakeBotApi _fake;
    private readonly SimUser[] _users;
    private readonly long _firstChat;
    private readonly ConcurrentDictionary<int, SimUser> _outstanding = new();
    private readonly ConcurrentDictionary<int, bool> _acknowledgedEarly = new();
    private readonly ConcurrentQueue<SimUser> _idle = new();
    private readonly ConcurrentQueue<SimUser> _notStarted = new();
    private readonly object _confirmGate = new();
    private int _confirmed;
    private volatile bool _closedLoop = true;
    private volatile bool _stopping;
    private volatile bool _finishRegistrations;
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;
    private long _sent;
    private long _answered;
    private long _answeredInWindow;
    private long _registrations;
    private long _expectFailures;
    private long _apologies;
    private long _strayReplies;
    private long _replies;

    public Driver(FakeBotApi fake, long firstChat, int users, Func<int, UserKind> kindOf)
    {
        _fake = fake;
        _firstChat = firstChat;
        _users = new SimUser[users];
        for (var i = 0; i < users; i++)
        {
            var user = new SimUser(firstChat + i, kindOf(i));
            user.Script = ScriptFor(user);
            _users[i] = user;
        }

        fake.SentObserver = OnSent;
        fake.ConfirmObserver = OnConfirmed;
        fake.WebhookAcknowledgedObserver = OnWebhookAcknowledged;
    }

    /// <summary>A mix: about <paramref name="visitorShare"/> of the users only ask for help, <paramref name="enumeratorShare"/>
    /// are enumerators sending quick entries, <paramref name="officialShare"/> ask for progress, the rest are owners
    /// registering their business.</summary>
    public static Func<int, UserKind> Mix(double visitorShare, double enumeratorShare, double officialShare, int seed = 7)
    {
        var random = new Random(seed);
        return _ => random.NextDouble() switch
        {
            var r when r < visitorShare => UserKind.Visitor,
            var r when r < visitorShare + enumeratorShare => UserKind.Enumerator,
            var r when r < visitorShare + enumeratorShare + officialShare => UserKind.Official,
            _ => UserKind.Owner,
        };
    }

    /// <summary>A pause before each next message (calibration: every reply of a step has surely arrived).</summary>
    public TimeSpan ThinkTime { get; set; }

    /// <summary>Replies the user's pending step gets (from a calibration); when not set, the first reply answers it.</summary>
    public Func<SimUser, int>? StepReplies { get; set; }

    /// <summary>
    /// When set, awaited before an answered step is logged and the next message sent: the in-process bot has then
    /// delivered everything it committed (calibration: every reply of the step is counted).
    /// </summary>
    public Func<Task>? Settle { get; set; }

    /// <summary>When set, each user stops after answering this many messages.</summary>
    public int? MaxAnswersPerUser { get; set; }

    /// <summary>When set, the replies each answered step got are logged (calibration).</summary>
    public ConcurrentQueue<(long Chat, int Registration, int Step, int Replies)>? StepLog { get; set; }

    public IReadOnlyList<SimUser> Users => _users;

    public LatencyRecorder Latency { get; private set; } = new();

    public long Sent => Interlocked.Read(ref _sent);

    public long Answered => Interlocked.Read(ref _answered);

    public long Registrations => Interlocked.Read(ref _registrations);

    public long ExpectFailures => Interlocked.Read(ref _expectFailures);

    public long Apologies => Interlocked.Read(ref _apologies);

    public long StrayReplies => Interlocked.Read(ref _strayReplies);

    public long Replies => Interlocked.Read(ref _replies);

    public int OutstandingCount => _outstanding.Count;

    /// <summary>Starts users at an arbitrary step of their first script (e.g. where seeded sessions stand).</summary>
    public void PlaceAt(int stepIndex)
    {
        foreach (var user in _users)
        {
            lock (user)
            {
                user.StepIndex = Math.Min(stepIndex, user.Script.Count - 1);
            }
        }
    }

    /// <summary>Closed loop: users send their first message (at most <paramref name="concurrency"/> users at a time; the
    /// others start as earlier ones finish); each answer triggers the next message.</summary>
    public void StartClosedLoop(int? concurrency = null)
    {
        _closedLoop = true;
        foreach (var user in _users.Skip(concurrency ?? _users.Length))
        {
            _notStarted.Enqueue(user);
        }

        foreach (var user in _users.Take(concurrency ?? _users.Length))
        {
            SendNext(user);
        }
    }

    /// <summary>Users who get an answer wait instead of sending again (before switching to the open loop).</summary>
    public void Pause() => _closedLoop = false;

    /// <summary>Measures what is enqueued (latency) and answered (throughput) during <paramref name="window"/> from now.</summary>
    public async Task<WindowResult> MeasureAsync(TimeSpan window, CancellationToken ct)
    {
        Latency = new LatencyRecorder();
        Interlocked.Exchange(ref _answeredInWindow, 0);
        var start = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _windowEnd, start + (long)(window.TotalSeconds * Stopwatch.Frequency));
        Interlocked.Exchange(ref _windowStart, start);
        await Task.Delay(window, ct).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var answered = Interlocked.Read(ref _answeredInWindow);
        Interlocked.Exchange(ref _windowStart, long.MaxValue);
        return new WindowResult(answered, elapsed, answered / elapsed.TotalSeconds, Latency.Summarize());
    }

    /// <summary>Open loop: <paramref name="rate"/> new messages per second from idle users, whatever the bot does.</summary>
    public async Task<OpenLoopResult> RunOpenLoopAsync(double rate, TimeSpan duration, CancellationToken ct)
    {
        // Called after Pause + WaitIdleAsync: nobody is waiting, so every user is idle exactly once.
        _closedLoop = false;
        _idle.Clear();
        foreach (var user in _users.Where(u => !u.Done))
        {
            _idle.Enqueue(user);
        }

        Latency = new LatencyRecorder();
        Interlocked.Exchange(ref _answeredInWindow, 0);
        var start = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _windowEnd, start + (long)(duration.TotalSeconds * Stopwatch.Frequency));
        Interlocked.Exchange(ref _windowStart, start);
        long offered = 0, starved = 0;
        var total = (long)(rate * duration.TotalSeconds);
        await Task.Run(() =>
        {
            while (offered < total && !ct.IsCancellationRequested)
            {
                var due = Math.Min(total, (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate));
                while (offered < due)
                {
                    offered++;
                    var sent = false;
                    while (!sent && _idle.TryDequeue(out var user))
                    {
                        sent = SendNext(user);
                    }

                    if (!sent)
                    {
                        starved++;
                    }
                }

                Thread.Sleep(1);
            }
        }, ct).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);

        // Let the tail of the window be answered before summarising its latencies.
        await WaitIdleAsync(TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        Interlocked.Exchange(ref _windowStart, long.MaxValue);
        return new OpenLoopResult(offered - starved, starved, elapsed, (offered - starved) / elapsed.TotalSeconds, Latency.Summarize());
    }

    /// <summary>No new conversations: owners finish the registration they are in, visitors stop.</summary>
    public void FinishRegistrations() => _finishRegistrations = true;

    /// <summary>Nobody sends anything new; messages already sent still get their answer.</summary>
    public void Stop()
    {
        _stopping = true;
        _notStarted.Clear();
    }

    /// <summary>Waits until no message is waiting for its answer. Returns false on timeout.</summary>
    public async Task<bool> WaitIdleAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_notStarted.IsEmpty && _users.All(IsIdle))
            {
                return true;
            }

            await Task.Delay(50, ct).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Users still waiting for an answer, with what is missing (reply and/or acknowledgement).</summary>
    public IReadOnlyList<string> Unanswered() =>
        [.. _users.Where(u => !IsIdle(u)).Select(u =>
        {
            lock (u)
            {
                return $"chat {u.Chat} update {u.PendingUpdate} (step {u.StepIndex}: {u.PendingStep}) replies={u.Replies} acknowledged={u.Acknowledged}";
            }
        })];

    private static bool IsIdle(SimUser user)
    {
        lock (user)
        {
            return user.PendingUpdate == 0;
        }
    }

    private bool SendNext(SimUser user)
    {
        int id;
        lock (user)
        {
            if (user.PendingUpdate != 0 || user.Done)
            {
                return false;
            }

            var step = user.Script[user.StepIndex];
            user.PendingStep = step;
            user.Replies = 0;
            user.Acknowledged = false;
            user.ExpectSeen = step.Expect is null;
            user.EnqueuedAt = Stopwatch.GetTimestamp();
            id = step.Send(_fake, user.Chat);
            user.PendingUpdate = id;
            _outstanding[id] = user;
        }

        Interlocked.Increment(ref _sent);

        // The acknowledgement may have gone past this id before it was registered above.
        if ((Volatile.Read(ref _confirmed) > id || _acknowledgedEarly.TryRemove(id, out _)) && _outstanding.TryRemove(id, out var late))
        {
            OnAcknowledged(late, id);
        }

        return true;
    }

    private void OnSent(SentMessage message)
    {
        Interlocked.Increment(ref _replies);
        var index = message.ChatId - _firstChat;
        if (index < 0 || index >= _users.Length)
        {
            return;
        }

        var user = _users[index];
        var text = message.PlainText ?? "";
        bool complete;
        int pending;
        lock (user)
        {
            if (user.PendingUpdate == 0)
            {
                Interlocked.Increment(ref _strayReplies);
                return;
            }

            if (user.Replies++ == 0)
            {
                var now = Stopwatch.GetTimestamp();
                if (user.EnqueuedAt >= Interlocked.Read(ref _windowStart) && user.EnqueuedAt < Interlocked.Read(ref _windowEnd))
                {
                    Latency.Add(now - user.EnqueuedAt);
                }
            }

            if (user.PendingStep?.Expect is { } expect && text.Contains(expect, StringComparison.Ordinal))
            {
                user.ExpectSeen = true;
            }

            if (text.StartsWith(Apology, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _apologies);
            }

            complete = user.Acknowledged && user.Replies >= NeededReplies(user);
            pending = user.PendingUpdate;
        }

        if (complete)
        {
            OnAnswered(user, pending);
        }
    }

    private void OnConfirmed(int offset)
    {
        int from;
        lock (_confirmGate)
        {
            from = _confirmed;
            if (offset <= from)
            {
                return;
            }

            Volatile.Write(ref _confirmed, offset);
        }

        for (var id = from; id < offset; id++)
        {
            if (_outstanding.TryRemove(id, out var user))
            {
                OnAcknowledged(user, id);
            }
        }
    }

    /// <summary>Webhook mode: the bot answered the post of <paramref name="id"/> with 2xx.</summary>
    private void OnWebhookAcknowledged(int id)
    {
        // Possibly before SendNext has registered the id: it looks here afterwards.
        _acknowledgedEarly[id] = true;
        if (_outstanding.TryRemove(id, out var user))
        {
            _acknowledgedEarly.TryRemove(id, out _);
            OnAcknowledged(user, id);
        }
    }

    private void OnAcknowledged(SimUser user, int id)
    {
        bool complete;
        lock (user)
        {
            if (user.PendingUpdate != id)
            {
                return;
            }

            user.Acknowledged = true;
            complete = user.Replies >= NeededReplies(user);
        }

        if (complete)
        {
            OnAnswered(user, id);
        }
    }

    /// <summary>Called with the user locked.</summary>
    private int NeededReplies(SimUser user) => Math.Max(1, StepReplies?.Invoke(user) ?? 1);

    private void OnAnswered(SimUser user, int id)
    {
        if (Settle is { } settle)
        {
            _ = settle().ContinueWith(_ => Complete(user, id), TaskScheduler.Default);
        }
        else
        {
            Complete(user, id);
        }
    }

    /// <summary>The pending message is answered and acknowledged: move on (once; the second caller finds nothing pending).</summary>
    private void Complete(SimUser user, int id)
    {
        bool next;
        lock (user)
        {
            if (user.PendingUpdate != id || !user.Acknowledged || user.Replies == 0)
            {
                return;
            }

            if (!user.ExpectSeen)
            {
                Interlocked.Increment(ref _expectFailures);
            }

            StepLog?.Enqueue((user.Chat, user.Registrations, user.StepIndex, user.Replies));
            user.PendingUpdate = 0;
            user.PendingStep = null;
            user.Answered++;
            user.StepIndex++;
            var endOfScript = user.StepIndex >= user.Script.Count;
            if (endOfScript)
            {
                if (user.Kind is UserKind.Owner or UserKind.Enumerator)
                {
                    user.Registrations++;
                    Interlocked.Increment(ref _registrations);
                }

                user.StepIndex = 0;
                user.Script = ScriptFor(user);
            }

            if (_stopping || (_finishRegistrations && (endOfScript || user.Kind is UserKind.Visitor or UserKind.Official))
                || user.Answered >= MaxAnswersPerUser)
            {
                user.Done = true;
            }

            next = !user.Done;
            Interlocked.Increment(ref _answered);
            var now = Stopwatch.GetTimestamp();
            if (now >= Interlocked.Read(ref _windowStart) && now < Interlocked.Read(ref _windowEnd))
            {
                Interlocked.Increment(ref _answeredInWindow);
            }
        }

        if (!next)
        {
            if (!_stopping && _notStarted.TryDequeue(out var waiting))
            {
                SendNext(waiting);
            }

            return;
        }

        if (_closedLoop && ThinkTime > TimeSpan.Zero)
        {
            _ = Task.Delay(ThinkTime).ContinueWith(_ => SendNext(user), TaskScheduler.Default);
        }
        else if (_closedLoop)
        {
            SendNext(user);
        }
        else
        {
            _idle.Enqueue(user);
        }
    }

    private static IReadOnlyList<Step> ScriptFor(SimUser user) => user.Kind switch
    {
        UserKind.Owner => Scripts.Owner(user.Chat, user.Registrations),
        UserKind.Enumerator => Scripts.Enumerator(user.Chat, user.Registrations),
        UserKind.Official => Scripts.Official(),
        _ => Scripts.Visitor(),
    };
}

internal sealed record WindowResult(long Answered, TimeSpan Elapsed, double PerSecond, LatencySummary Latency);

internal sealed record OpenLoopResult(long Offered, long Starved, TimeSpan Elapsed, double PerSecond, LatencySummary Latency);
