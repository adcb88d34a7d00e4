namespace PLKumkm.Bot.Webhooks;

/// <summary>
/// Configuration section <c>Webhooks</c>: what a webhook post may cost before it is known to come from the channel.
/// Checked at start (<see cref="WebhookOptionsValidator"/>).
/// </summary>
internal sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Meta documents webhook payloads of up to 3 MB.</summary>
    public const int DefaultWhatsAppMaxBodyBytes = 3 * 1024 * 1024;

    /// <summary>
    /// One Telegram Update is one message: text of at most 4,096 characters (captions 1,024), files by id only; even
    /// fully JSON-escaped with its entities it stays far below this.
    /// </summary>
    public const int DefaultTelegramMaxBodyBytes = 1024 * 1024;

    public int WhatsAppMaxBodyBytes { get; set; } = DefaultWhatsAppMaxBodyBytes;

    public int TelegramMaxBodyBytes { get; set; } = DefaultTelegramMaxBodyBytes;

    /// <summary>
    /// Bodies read at the same time before their signature can be checked (WhatsApp signs the body itself); each may
    /// hold up to its size limit in memory. Further posts get 503 with <c>Retry-After</c> and are not read.
    /// </summary>
    public int MaxUnauthenticatedReads { get; set; } = 4;

    /// <summary>The <c>Retry-After</c> of that 503.</summary>
    public int BusyRetryAfterSeconds { get; set; } = 2;

    /// <summary>
    /// A body must have arrived completely within this time, or the post gets 408: a sender trickling bytes would
    /// otherwise hold one of the few reading places for hours at Kestrel's minimum data rate.
    /// </summary>
    public int BodyReadTimeoutSeconds { get; set; } = 15;

    public TimeSpan BodyReadTimeout => TimeSpan.FromSeconds(BodyReadTimeoutSeconds);
}
