namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// One message to a group of people (<c>broadcast</c> verb). <see cref="Key"/> is a hash of its region, audience and
/// text: running the same broadcast again (after a crash, or by mistake) continues it instead of starting another.
/// </summary>
internal sealed class Broadcast
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Audience { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who asked for it in a chat (<c>/siaran</c>); null for the <c>broadcast</c> verb.</summary>
    public long? CreatedByPersonId { get; set; }

    /// <summary>When its sending was confirmed: a chat broadcast waits for the button, then the bot's job sends it.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>When the person who asked in a chat was told it went out (once).</summary>
    public DateTimeOffset? ReportedAt { get; set; }
}

/// <summary>Who a broadcast was stored for: the row is the claim, unique per broadcast and person, so nobody gets it twice.</summary>
internal sealed class BroadcastRecipient
{
    public long BroadcastId { get; set; }
    public long PersonId { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}
