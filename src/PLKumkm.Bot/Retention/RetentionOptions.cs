namespace PLKumkm.Bot.Retention;

/// <summary>
/// Configuration section <c>Retention</c>: how long data that is only kept for the bot's own working (queues,
/// duplicate checks, history of erased people) stays before it is pruned. Checked at start.
/// </summary>
internal sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Telegram keeps an unconfirmed update for 24 hours; Meta retries a webhook for up to 7 days.</summary>
    public const int ChannelRedeliveryDays = 7;

    /// <summary>How often the pruning runs (it also runs once at start).</summary>
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>A webhook body that could not be read (or was given up on) keeps its raw payload this long, for an
    /// operator to look at; then only its row (time, channel, error type) stays.</summary>
    public int UnreadableWebhookHours { get; set; } = 24;

    /// <summary>Processed webhook rows (their payload already cleared when processed) are deleted after this.</summary>
    public int ProcessedWebhookDays { get; set; } = 7;

    /// <summary>Duplicate-check keys of processed updates; must outlast the channels' redelivery.</summary>
    public int InboundUpdateDays { get; set; } = ChannelRedeliveryDays + 1;

    /// <summary>Sent replies (and replies given up on) are deleted after this; unsent ones stay until delivered or given up.</summary>
    public int SentOutboxDays { get; set; } = 7;

    /// <summary>
    /// A withdrawn record keeps its full history (personal values already blanked) this long, then only its last
    /// version: the proof of the withdrawal and its time. The consent rows keep when consent was given and withdrawn.
    /// </summary>
    public int WithdrawnHistoryDays { get; set; } = 30;

    /// <summary>
    /// A submitted or cancelled questionnaire keeps its answers this long (a submitted one's are in the record already;
    /// nothing reads a finished session but support), then the session is deleted.
    /// </summary>
    public int FinishedSessionDays { get; set; } = 7;

    /// <summary>
    /// A questionnaire nobody has answered for this long is deleted with its answers; writing again starts afresh.
    /// At least 4 days, so an owner can be reminded of the form first (issue 17 plans reminders after one and three days).
    /// </summary>
    public int AbandonedSessionDays { get; set; } = 60;

    public TimeSpan Interval => TimeSpan.FromMinutes(IntervalMinutes);
}
