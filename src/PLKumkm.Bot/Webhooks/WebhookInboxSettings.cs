namespace PLKumkm.Bot.Webhooks;

/// <summary>How the webhook inbox is drained. Not configuration: sane constants that tests may shorten.</summary>
internal sealed class WebhookInboxSettings
{
    /// <summary>Tries per body before it is given up on (kept in the table with its error, the sender is told).</summary>
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan BaseRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bodies processed at the same time (each for chats no other body in flight touches), batches included.</summary>
    public int MaxInFlight { get; init; } = 400;

    /// <summary>Bodies in one group commit (as many as one getUpdates call may bring in polling mode).</summary>
    public int MaxBatch { get; init; } = 100;

    /// <summary>How far ahead in the queue a pass looks for work whose chats are free.</summary>
    public int ScanLimit { get; init; } = 500;

    /// <summary>A look at the queue even without a signal; a safety net, since every enqueue signals.</summary>
    public TimeSpan IdleCheck { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The same with other instances on the database (PostgreSQL): their posts signal only their own process,
    /// and a dead one's bodies are taken over once its claims run out (<see cref="Storage.BotInstance.ClaimTime"/>).</summary>
    public TimeSpan SharedIdleCheck { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// With other instances, how often a pass looks at the whole queue (their claims, what they finished, late
    /// commits); the passes in between read only what is new. Short next to the claim time, so a dead instance's
    /// bodies are still taken over within seconds.
    /// </summary>
    public TimeSpan SharedFullLook { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryDelay(int attempts)
    {
        var delay = BaseRetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
