using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// One change to a record (its creation is version 1): who, when, from where, and which fields went
/// from what to what (<see cref="ChangesJson"/>: <c>{"field": {"old": …, "new": …}}</c> by field id).
/// Personal values are blanked here too when the owner withdraws consent.
/// </summary>
internal sealed class RecordVersion
{
    public long Id { get; set; }
    public RecordKind Kind { get; set; }
    public long RecordId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset At { get; set; }
    public long? ByPersonId { get; set; }

    /// <summary><c>mandiri</c>, <c>enumerator</c>, <c>impor</c>, or <c>sistem</c> for the bot's own changes.</summary>
    public string Source { get; set; } = "";

    public string ChangesJson { get; set; } = "{}";

    /// <summary>What happened besides field changes, e.g. a flag or a withdrawal.</summary>
    public string? Note { get; set; }
}
