using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// A valid row: its canonical answers (field id → value, as the chat stores them), the record they
/// make when the business is new, and that record's column values ready to insert (all but the
/// registration number, which only the writer can hand out), and its first history version's changes
/// as an active record (the writer redoes them when a rule flags it).
/// </summary>
internal sealed record UmkmImportRow(
    int Line,
    KeyValuePair<string, string>[] Answers,
    UmkmRecord Record,
    object?[] InsertValues,
    object CreationChanges)
{
    /// <summary>The keyed hash of the row's NIK: what the stored business is found by.</summary>
    public string NikHash => Record.NikHash!;

    public string NormalName => Record.NamaUsahaNormal;
}
