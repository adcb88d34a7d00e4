namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// A reply committed together with the update that caused it, then delivered; one left unsent
/// (crash, channel down) is delivered later, so no answer is lost.
/// </summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }
    public string Address { get; set; } = "";
    public string PayloadJson { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// Keyed hash of the id the channel gave the sent message (a WhatsApp wamid), so a later delivery status finds this
    /// row. A hash, not the id: a wamid encodes the recipient's number (as for <see cref="InboundUpdate"/>), and the
    /// status lookup only compares. Null when the channel gives no id (Telegram, console).
    /// </summary>
    public string? ChannelMessageHash { get; set; }

    /// <summary>
    /// When delivery was given up for good (a permanent error, the person unreachable); <see cref="LastError"/> says
    /// why. Such a row is never sent again.
    /// </summary>
    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>A reply put back after a retryable failed status is not sent again before this (backoff).</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>
    /// Whom or what the message is about when that is not its addressee (a review card's record, a claim, an
    /// export's region; see <see cref="Messaging.OutboxSubjects"/>): how an erasure finds it in other people's chats.
    /// </summary>
    public string? Subject { get; set; }

    /// <summary>The instance sending it now (several bot instances on one PostgreSQL), until <see cref="ClaimedUntil"/>:
    /// no other instance sends it meanwhile; the claim of an instance that died runs out and another sends it.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}
