using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Records.Reading;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// Reads one CSV row of UMKM field ids with the chat's rules (<see cref="ImportRowReader"/>) into the record it makes
/// (<see cref="NewUmkmRecords"/>). <c>sumber</c> and the columns an export adds are accepted but not read: an imported
/// record's source is <c>impor</c>, and the size class and region codes are always derived again. Not thread-safe:
/// one reader per thread.
/// </summary>
internal sealed class UmkmRowReader(
    IReadOnlyList<string> columns, Questionnaire questionnaire, RegionCatalog regions, NewUmkmRecords records, DateTimeOffset now, AnswerCache? cache = null)
{
    /// <summary>
    /// What <c>records export</c> writes besides the field ids (registration number, size class, the codes
    /// above the village): accepted so an export imports back, and not read — they are the database's own.
    /// </summary>
    private static readonly IReadOnlySet<string> Ignored =
        new HashSet<string>(["sumber", .. RecordColumns.Derived(RecordKind.Umkm)], StringComparer.Ordinal);

    /// <summary>Column names a file may have: the contract's UMKM field ids and what an export adds.</summary>
    public static readonly IReadOnlySet<string> Accepted = new HashSet<string>(FieldIds.Umkm.Concat(Ignored), StringComparer.Ordinal);

    private readonly ImportRowReader _rows = new(columns, questionnaire, regions, now, Ignored, cache);

    /// <summary>File-level check of the header: unknown, repeated or missing required columns stop the import.</summary>
    /// <exception cref="ImportException">With every problem named.</exception>
    public static IReadOnlyList<string> CheckHeader(IReadOnlyList<string> header, Questionnaire questionnaire) =>
        ImportHeader.Check(header, Accepted, questionnaire.QuickEntry.Required, "UMKM", FieldIds.Umkm, unknown =>
            unknown.Any(u => FieldIds.Koperasi.Contains(u) && !FieldIds.Umkm.Contains(u))
                ? " (a cooperative file has nama_koperasi and no UMKM columns)"
                : "");

    /// <summary>A valid row, or null with every problem in <paramref name="reason"/>.</summary>
    public UmkmImportRow? Read(string[] record, int line, out string? reason) =>
        _rows.Read(record, out reason) is { } answers ? records.Create(line, answers) : null;
}
