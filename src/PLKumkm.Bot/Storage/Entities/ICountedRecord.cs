using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// What progress counting needs to know of any record (UMKM or koperasi). Counts follow these
/// four values automatically whenever a record is added or changed through EF.
/// </summary>
internal interface ICountedRecord
{
    RecordKind Kind { get; }
    string KodeKabupaten { get; }
    DateTimeOffset WaktuKirim { get; }
    RecordStatus Status { get; }
}

internal static class CountedStatuses
{
    /// <summary>Active and flagged records count (a flagged one once, until decided); the others never do.</summary>
    public static bool Counts(RecordStatus status) => status is RecordStatus.Active or RecordStatus.Flagged;
}
