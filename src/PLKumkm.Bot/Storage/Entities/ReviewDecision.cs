using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Storage.Entities;

/// <summary>A coordinator's decision on a flagged record: who decided, when, what and why. Never edited afterwards.</summary>
internal sealed class ReviewDecision
{
    public long Id { get; set; }

    /// <summary>Which table <see cref="RecordId"/> is in: a UMKM and a cooperative may have the same id.</summary>
    public RecordKind Kind { get; set; } = RecordKind.Umkm;

    /// <summary>The <see cref="UmkmRecord.Id"/> or <see cref="KoperasiRecord.Id"/> decided on (see <see cref="Kind"/>).</summary>
    public long RecordId { get; set; }

    public long DecidedByPersonId { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public ReviewOutcome Decision { get; set; }
    public string? Reason { get; set; }

    /// <summary>The record's status before the decision, so a wrong decision can be traced and undone by hand.</summary>
    public RecordStatus PreviousStatus { get; set; }
}

internal enum ReviewOutcome
{
    /// <summary>The record is fine: it becomes <see cref="RecordStatus.Active"/>.</summary>
    Approved = 0,

    /// <summary>Not a valid record (not an MSME, implausible data…): <see cref="RecordStatus.Rejected"/>.</summary>
    Rejected = 1,

    /// <summary>The same business as another record: <see cref="RecordStatus.Duplicate"/>.</summary>
    Duplicate = 2,
}
