using System.Collections.Concurrent;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.LoadTest.Modes;

/// <summary>
/// Telegram under pressure: sendMessage answered at random with 429 (retry_after 1–2 s, from then on the chat is
/// blocked until it has passed) or a 5xx. Any call to a blocked chat is a violation and gets another 429.
/// </summary>
internal sealed class ThrottlePolicy(double p429, double p5xx, int seed)
{
    private readonly Random _random = new(seed);
    private readonly ConcurrentDictionary<long, TimeSpan> _blockedUntil = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private long _injected429;
    private long _injected5xx;

    public long Injected429 => Interlocked.Read(ref _injected429);

    public long Injected5xx => Interlocked.Read(ref _injected5xx);

    public IReadOnlyCollection<string> Violations => _violations;

    public FakeFault? Decide(FakeCall call)
    {
        if (call.ChatId is not { } chat)
        {
            return null;
        }

        if (_blockedUntil.TryGetValue(chat, out var until) && call.At < until)
        {
            var early = until - call.At;
            _violations.Enqueue($"{call.Method} to chat {chat} {early.TotalMilliseconds:0} ms before retry_after passed");
            return new FakeFault(429, (int)Math.Ceiling(early.TotalSeconds));
        }

        if (!string.Equals(call.Method, "sendMessage", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        double roll;
        int retryAfter, serverError;
        lock (_random)
        {
            roll = _random.NextDouble();
            retryAfter = _random.Next(1, 3);
            serverError = _random.Next(2) == 0 ? 500 : 502;
        }

        if (roll < p429)
        {
            _blockedUntil[chat] = call.At + TimeSpan.FromSeconds(retryAfter);
            Interlocked.Increment(ref _injected429);
            return new FakeFault(429, retryAfter);
        }

        if (roll < p429 + p5xx)
        {
            Interlocked.Increment(ref _injected5xx);
            return new FakeFault(serverError);
        }

        return null;
    }
}
