namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// A webhook request body accepted and acknowledged but not necessarily processed yet. It is stored
/// before the sender gets its 200, so a restart between the two loses nothing.
/// </summary>
internal sealed class WebhookInboxItem
{
    public long Id { get; set; }

    /// <summary>The channel that posted it, e.g. <c>whatsapp</c> or <c>telegram</c>.</summary>
    public string Channel { get; set; } = "";

    /// <summary>The raw body as received. Cleared once processed: it holds personal data that the
    /// processed records already keep where they belong.</summary>
    public string Payload { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Set once every update in the payload went through the pipeline, or when it was given up on
    /// (then <see cref="LastError"/> says why).</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Exception type only: messages may quote user input.</summary>
    public string? LastError { get; set; }

    /// <summary>The instance draining it now (several bot instances on one PostgreSQL), until <see cref="ClaimedUntil"/>;
    /// an instance that dies leaves a claim that simply runs out.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}
