namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// A coordinator's or official's daily digest (<c>/langganan</c>): when it goes out, on the clock of their region, and
/// the last local day it went out. That day is the job record: a digest is claimed by moving it forward in one
/// conditional update, so each person gets one a day whatever restarts, retries or instances there are.
/// </summary>
internal sealed class DigestSubscription
{
    public long PersonId { get; set; }

    /// <summary>Minutes after local midnight (07.00 → 420).</summary>
    public int LocalMinute { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateOnly? LastSentDay { get; set; }
}
