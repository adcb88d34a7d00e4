using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Records.Import;

/// <summary>How <c>records import</c> reports a row <see cref="RecordAccess"/> refused, on either path.</summary>
internal static class ImportRefusals
{
    /// <summary>The import works nationally, so the refusal it meets is a move to another regency (its number and counts belong there).</summary>
    public static string Reason(RecordKind kind, WriteRefusal refusal) => refusal.Verdict switch
    {
        WriteVerdict.RegionMove when kind == RecordKind.Koperasi =>
            $"the cooperative is registered in {refusal.Regency}; an import cannot move it to another regency",
        WriteVerdict.RegionMove => $"this business is registered in {refusal.Regency}; an import cannot move it to another regency",
        _ => $"not written ({refusal.Verdict}): the record is registered in {refusal.Regency}",
    };
}
