using System.Diagnostics.CodeAnalysis;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>A write refused by <see cref="RecordAccess"/>: nothing was changed. <see cref="Regency"/> is where the
/// matched record is registered (or where the new one would have been), for the reply.</summary>
internal sealed record WriteRefusal(WriteVerdict Verdict, string Regency);

/// <param name="Record">The record written; null when <see cref="Refused"/>.</param>
/// <param name="Unchanged">Found again with every value as stored: nothing was written (imports only, see <see cref="RecordWriter.SaveUmkmAsync"/>).</param>
internal sealed record SavedRecord(UmkmRecord? Record, bool Updated, WriteRefusal? Refused = null, bool Unchanged = false)
{
    [MemberNotNullWhen(false, nameof(Record))]
    public bool IsRefused => Record is null;
}

/// <param name="Unchanged">Found again with every value as stored: nothing was written (imports only, see <see cref="RecordWriter.SaveKoperasiAsync"/>).</param>
internal sealed record SavedKoperasi(KoperasiRecord? Record, bool Updated, bool Unchanged = false, WriteRefusal? Refused = null)
{
    [MemberNotNullWhen(false, nameof(Record))]
    public bool IsRefused => Record is null;
}

/// <summary>A correction's outcome: the record changed, or why nothing was (null record: there is none to change).</summary>
internal sealed record CorrectionResult(IRegisteredRecord? Record, WriteRefusal? Refused = null);
