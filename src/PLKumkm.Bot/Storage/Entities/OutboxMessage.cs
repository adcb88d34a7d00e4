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
    /// Whom or what the message is about when that is not its addressee (a review card's record, a claim, an
    /// export's region; see <see cref="Messaging.OutboxSubjects"/>): how an erasure finds it in other people's chats.
    /// </summary>
    public string? Subject { get; set; }
}
