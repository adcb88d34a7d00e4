using PLKumkm.Bot.Records.Rules;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// Turns a row's answers into the record a new business gets and its column values, done on the
/// validation threads so the single writer only binds and inserts.
/// </summary>
internal sealed class NewUmkmRecords(EntityTable<UmkmRecord> table, DateTimeOffset now)
{
    public EntityTable<UmkmRecord> Table => table;

    /// <summary>Version 1 of a new record's history: every field it has, from nothing.</summary>
    public static Utf8Text CreationChanges(UmkmRecord record) => new(RecordHistory.CreationUtf8(record));

    public DateTimeOffset Now => now;

    /// <param name="answers">Read now, not kept: the row keeps its own compact copy for a possible update.</param>
    public UmkmImportRow Create(int line, IReadOnlyDictionary<string, string> answers)
    {
        // The import's own new record, as RecordWriter makes one for it: source impor whatever the file says, "now"
        // when the file gives no waktu_kirim. Flags come in the writer, which can see the other records.
        var record = RecordRules.NewUmkm(answers, Submitter.Import(answers.GetValueOrDefault("enumerator")), now);
        var values = table.Values(record);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Utf8Text.Encode(values[i]);
        }

        return new UmkmImportRow(line, [.. answers], record, values, CreationChanges(record));
    }
}
