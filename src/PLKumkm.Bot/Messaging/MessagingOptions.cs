namespace PLKumkm.Bot.Messaging;

/// <summary>
/// The pipeline's limits, in one place: how many chats are worked on at once and how replies left unsent are retried.
/// Bound from the <c>Messaging</c> section; the defaults are what the bot was tuned with.
/// </summary>
internal sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    public const int DefaultChatsInParallel = 16;

    /// <summary>Chats processed (a Telegram batch) or sent to (the outbox) at the same time; one chat is always in order.</summary>
    public int ChatsInParallel { get; set; } = DefaultChatsInParallel;

    /// <summary>A reply that failed this many times is given up: it stays in the outbox but is no longer sent.</summary>
    public int SendAttempts { get; set; } = 50;

    /// <summary>Pause between two retry passes (stalled chats, then anything left unsent).</summary>
    public int RetryIntervalSeconds { get; set; } = 2;

    /// <summary>
    /// A reply of a chat that is not stalled is retried only once it is this old, so one being delivered right now is
    /// not sent twice.
    /// </summary>
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>Replies taken by one retry pass.</summary>
    public int RetryBatchSize { get; set; } = 200;

    /// <summary>Replies of one stalled chat read from the outbox at a time.</summary>
    public int BacklogBatchSize { get; set; } = 100;

    /// <summary>On stop, how long committed replies may still take to go out before the rest is left for the next start.</summary>
    public int StopFlushSeconds { get; set; } = 10;

    /// <summary>
    /// With several bot instances on one PostgreSQL database: how long the instance that took a reply has to send it
    /// before another may (the claim of an instance that died runs out). Longer than any send with its retries.
    /// </summary>
    public int SendClaimSeconds { get; set; } = 15;

    public TimeSpan SendClaim => TimeSpan.FromSeconds(SendClaimSeconds);

    public TimeSpan RetryInterval => TimeSpan.FromSeconds(RetryIntervalSeconds);

    public TimeSpan RetryAfter => TimeSpan.FromSeconds(RetryAfterSeconds);

    public TimeSpan StopFlush => TimeSpan.FromSeconds(StopFlushSeconds);

    public ParallelOptions ForChats(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = ChatsInParallel, CancellationToken = cancellationToken };
}
