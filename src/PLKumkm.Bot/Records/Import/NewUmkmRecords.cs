using PLKumkm.Bot.Records.Rules;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// Turns a row's answers into the record a new business gets and its column values, done on the
/// validation threads so the single writer only binds and inserts: encrypting the NIK, the phone and the history and
/// hashing the lookups (what <see cref="Storage.BotDbContext"/> does on save) happen there too.
/// </summary>
/// <param name="utf8">Text values already encoded as UTF-8 (<see cref="Utf8Text"/>, what <see cref="SqliteStatement"/> binds
/// fastest); false: as strings (PostgreSQL).</param>
internal sealed class NewUmkmRecords(EntityTable<UmkmRecord> table, DateTimeOffset now, FieldProtector protector, bool utf8 = true)
{
    public EntityTable<UmkmRecord> Table => table;

    public FieldProtector Protector => protector;

    /// <summary>Version 1 of a new record's history: every field it has, from nothing, as stored (encrypted): a <see cref="Utf8Text"/> or a string.</summary>
    public object CreationChanges(UmkmRecord record)
    {
        var stored = protector.Protect(RecordHistory.CreationUtf8(record));
        return utf8 ? new Utf8Text(System.Text.Encoding.UTF8.GetBytes(stored)) : stored;
    }

    public DateTimeOffset Now => now;

    /// <param name="answers">Read now, not kept: the row keeps its own compact copy for a possible update.</param>
    public UmkmImportRow Create(int line, IReadOnlyDictionary<string, string> answers)
    {
        // The import's own new record, as RecordWriter makes one for it: source impor whatever the file says, "now"
        // when the file gives no waktu_kirim. Flags come in the writer, which can see the other records.
        var record = RecordRules.NewUmkm(answers, Submitter.Import(answers.GetValueOrDefault("enumerator")), now);
        ProtectedColumns.StampHashes(record, protector);
        var values = table.Values(record);
        for (var i = 0; i < values.Length && utf8; i++)
        {
            values[i] = Utf8Text.Encode(values[i]);
        }

        return new UmkmImportRow(line, [.. answers], record, values, CreationChanges(record));
    }
}
