using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// Someone registered a business that is already in the database under another owner (or under none, entered by an
/// enumerator or imported, with a phone that is not theirs): nothing of the record changed, and a coordinator of the
/// record's regency decides whether the claimant is its owner. Approval makes them the owner and applies what they
/// answered; rejection changes nothing. The answers are kept only until the decision.
/// </summary>
internal sealed class RecordClaim
{
    public long Id { get; set; }
    public RecordKind Kind { get; set; } = RecordKind.Umkm;
    public long RecordId { get; set; }

    /// <summary>The record's regency (e.g. <c>16.01</c>): whose coordinators see the claim.</summary>
    public string KodeKabupaten { get; set; } = "";

    public long ClaimantPersonId { get; set; }

    /// <summary>The claimant's answers (field id → value), applied on approval; emptied once decided.</summary>
    public string? AnswersJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public ClaimStatus Status { get; set; } = ClaimStatus.Open;
    public long? DecidedByPersonId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

internal enum ClaimStatus
{
    Open = 0,
    Approved = 1,
    Rejected = 2,
}
