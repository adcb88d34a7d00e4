using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// Someone withdrew consent, and a record they could not reach (entered by an enumerator or imported, so it has no
/// owner) carries their NIK but not their proven phone: whether it is theirs is for a coordinator of the record's
/// regency to decide, within the 3×24 hours UU 27/2022 allows (<see cref="DueAt"/>). Erasing runs the same eraser as a
/// withdrawal; declining keeps the record and says why. The requester is told either way.
/// </summary>
internal sealed class ErasureRequest
{
    /// <summary>How long the law gives from the request to the erasure.</summary>
    public static readonly TimeSpan LegalDeadline = TimeSpan.FromHours(3 * 24);

    public long Id { get; set; }
    public RecordKind Kind { get; set; } = RecordKind.Umkm;
    public long RecordId { get; set; }

    /// <summary>The record's regency (e.g. <c>16.01</c>): whose coordinators see the request.</summary>
    public string KodeKabupaten { get; set; } = "";

    /// <summary>The requester's pseudonymous person id (their name and phone are already erased).</summary>
    public long RequesterPersonId { get; set; }

    /// <summary>Where the outcome is told (the requester's chat); emptied once decided, as it names their phone on WhatsApp.</summary>
    public string? ReplyAddress { get; set; }

    public string Language { get; set; } = "id";
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public ErasureStatus Status { get; set; } = ErasureStatus.Open;
    public long? DecidedByPersonId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why a coordinator declined (told to the requester).</summary>
    public string? Reason { get; set; }
}

internal enum ErasureStatus
{
    Open = 0,
    Erased = 1,
    Declined = 2,
}
