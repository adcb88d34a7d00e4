using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// Turns a row's answers into the record a new business gets and its column values, done on the
/// validation threads so the single writer only binds and inserts.
/// </summary>
internal sealed class NewUmkmRecords(EntityTable<UmkmRecord> table, DateTimeOffset now)
{
    public EntityTable<UmkmRecord> Table => table;

    public DateTimeOffset Now => now;

    public UmkmImportRow Create(int line, Dictionary<string, string> answers)
    {
        var record = new UmkmRecord { CreatedAt = now, UpdatedAt = now, WaktuKirim = now };
        UmkmFields.Apply(record, answers);
        // Imported, whatever the file says; a file without waktu_kirim means "now".
        record.Sumber = RecordSources.Impor;
        LargeBusinessFlag.Apply(record);
        return new UmkmImportRow(line, answers, record, table.Values(record));
    }
}
