using PLKumkm.Bot.Core;
using PLKumkm.Bot.Importing;
using Microsoft.EntityFrameworkCore.Metadata;
using PLKumkm.Bot.Records.Rules;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Counting;
using PLKumkm.Bot.Records.Import.PostgreSql;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// Writes validated rows straight to the database (<see cref="IBulkUmkmStore"/>: SQLite or PostgreSQL), in large transactions, deciding exactly as
/// <see cref="RecordWriter"/> does for the import: <see cref="RecordAccess"/> and <see cref="RecordRules"/> decide; only
/// how matches are found (<see cref="StoredBusinesses"/>, <see cref="IBulkUmkmStore.Matches"/>) and rows, versions
/// (<see cref="BulkVersions"/>), registration numbers (<see cref="BulkSequences"/>) and counts (in the same transaction)
/// are written is this path's own.
/// </summary>
/// <remarks>
/// Every batch starts by catching up with what other writers (the running bot) added since the
/// last one, so a business registered by chat in between is updated, not duplicated. An update
/// writes only the columns whose values change, and nothing at all when none does, so importing
/// the same file again costs a lookup per row.
/// <para>
/// A first load (a large file into a table with few records) runs differently: one transaction for
/// the whole file, the table's secondary indexes dropped at its start and created again before its
/// commit (a sorted pass each instead of a random B-tree insert per index per row), and the rules'
/// lookups answered from <see cref="ImportCandidates"/> plus a primary-key check. Other writers wait
/// for that one transaction; readers see the table as it was until the commit, indexes and all.
/// </para>
/// </remarks>
internal sealed class BulkUmkmWriter : IDisposable
{
    /// <summary>Who writes: the admin's import, national, no person (<see cref="NewUmkmRecords"/> makes new records as it).</summary>
    private static readonly Submitter Importer = Submitter.Import(null);

    private readonly IBulkUmkmStore _store;
    private readonly EntityTable<UmkmRecord> _records;
    private readonly DateTimeOffset _now;
    private readonly int _batchSize;
    private readonly CountDeltas _deltas = new();
    private readonly int _numberColumn;
    private readonly int _updatedAtColumn;
    private readonly int _statusColumn;
    private readonly int _flagReasonColumn;
    private readonly FieldProtector _protector;
    private readonly ImportCandidates? _candidates;
    private readonly BulkSequences _sequences;
    private readonly StoredBusinesses _businesses;
    private bool _open;
    private int _inBatch;

    /// <param name="connectionString">A SQLite or a PostgreSQL database (<see cref="DatabaseProviders.Of"/>).</param>
    /// <param name="deferIndexesUpTo">
    /// Load with deferred indexes when the table's highest record id is at most this (−1: never).
    /// </param>
    /// <param name="expectedRows">Roughly how many rows the file has (sizes the in-memory lookups of a deferred load).</param>
    /// <param name="protector">The key the model's converters encrypt with: lookups compare its hashes.</param>
    public BulkUmkmWriter(string connectionString, IModel model, FieldProtector protector, EntityTable<UmkmRecord> records, DateTimeOffset now, int batchSize,
        long deferIndexesUpTo = -1, long expectedRows = 0)
        : this(Open(connectionString, model, records, protector), model, protector, records, now, batchSize, deferIndexesUpTo, expectedRows)
    {
    }

    /// <param name="store">Owned from now on (disposed with the writer).</param>
    public BulkUmkmWriter(IBulkUmkmStore store, IModel model, FieldProtector protector, EntityTable<UmkmRecord> records, DateTimeOffset now, int batchSize,
        long deferIndexesUpTo = -1, long expectedRows = 0)
    {
        _store = store;
        _records = records;
        _protector = protector;
        _sequences = new BulkSequences(model);
        _numberColumn = _records.IndexOf(nameof(UmkmRecord.RegistrationNumber));
        _updatedAtColumn = _records.IndexOf(nameof(UmkmRecord.UpdatedAt));
        _statusColumn = _records.IndexOf(nameof(UmkmRecord.Status));
        _flagReasonColumn = _records.IndexOf(nameof(UmkmRecord.FlagReason));
        _now = now;
        _batchSize = batchSize;
        try
        {
            var stored = _store.MaxRecordId();
            if (deferIndexesUpTo >= 0 && stored <= deferIndexesUpTo && stored + 2 * expectedRows < int.MaxValue)
            {
                _candidates = new ImportCandidates((int)Math.Min(stored + expectedRows, 1 << 28));
            }
        }
        catch
        {
            _store.Dispose();
            throw;
        }

        _businesses = new StoredBusinesses(_store, _records, _candidates);
    }

    /// <summary>Time spent creating the deferred indexes again.</summary>
    public TimeSpan IndexRebuild { get; private set; }

    /// <summary>Time spent ending transactions: counts, sequences, the commit itself and SQLite's checkpoint after it.</summary>
    public TimeSpan Committing { get; private set; }

    /// <summary>Whether this import runs as one transaction with the table's secondary indexes deferred.</summary>
    public bool DefersIndexes => _candidates is not null;

    public int Added { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }

    /// <returns>Why the row was refused (nothing written), or null.</returns>
    public RowProblem? Write(UmkmImportRow row)
    {
        if (!_open)
        {
            Begin();
        }

        var stored = _businesses.Find(row.NikHash, row.NormalName);
        RowProblem? problem = null;
        if (stored is null)
        {
            Insert(row);
        }
        else
        {
            problem = Update(stored, row);
        }

        // A deferred load is one transaction: its indexes are back only at its end.
        if (++_inBatch >= _batchSize && _candidates is null)
        {
            Commit();
        }

        return problem;
    }

    /// <summary>Commits what is pending (call once after the last row).</summary>
    public void Commit()
    {
        if (!_open)
        {
            return;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        _store.Flush();
        DailyCountStore.Apply(_store.Connection, _store.Transaction, _deltas);
        _sequences.Save(_store.Connection, _store.Transaction);
        if (_candidates is not null)
        {
            _store.RestoreIndexes();
            IndexRebuild += watch.Elapsed;
            watch.Restart();
        }

        _businesses.End();
        _store.Commit();
        Committing += watch.Elapsed;
        EndBatch();
    }

    public void Dispose()
    {
        EndBatch();
        _store.Dispose();
    }

    private static IBulkUmkmStore Open(string connectionString, IModel model, EntityTable<UmkmRecord> records, FieldProtector protector) =>
        DatabaseProviders.Of(connectionString) == DatabaseProvider.PostgreSql
            ? new PostgresBulkStore(connectionString, model, records, Importer, protector)
            : new SqliteBulkStore(connectionString, model, records, Importer, protector);

    private void Begin()
    {
        _store.Begin(_candidates);
        _open = true;
        _businesses.Begin();
        _sequences.Load(_store.Connection, _store.Transaction);
    }

    private void Insert(UmkmImportRow row)
    {
        // Made as RecordRules.NewUmkm makes it, on a validation thread; an import creates anywhere (RecordAccess).
        var record = row.Record;
        var note = RecordRules.FlagUmkm(record, _store.Matches(record));
        row.InsertValues[_statusColumn] = _records.Columns[_statusColumn].ToProvider(record);
        row.InsertValues[_flagReasonColumn] = record.FlagReason;
        record.RegistrationNumber = _sequences.Next(RecordKind.Umkm, record.KodeKabupaten);
        row.InsertValues[_numberColumn] = record.RegistrationNumber;
        record.Id = _store.Insert(row.InsertValues);
        _candidates?.Add(record);
        // Worked out on a validation thread for an active record; a flag changes the status it records.
        _store.AddVersion(record, null, note, _now, record.Status == RecordStatus.Active ? row.CreationChanges : null);
        _deltas.Add(RecordKind.Umkm, record.KodeKabupaten, record.WaktuKirim, record.Status, +1);
        Added++;
    }

    private RowProblem? Update(object?[] stored, UmkmImportRow row)
    {
        var existing = _records.Materialize(stored, () => new UmkmRecord());
        var (regency, sentAt, status) = (existing.KodeKabupaten, existing.WaktuKirim, existing.Status);
        var answers = row.Answers.ToDictionary(StringComparer.Ordinal);
        var verdict = RecordAccess.Decide(Importer, existing, RecordRules.RegencyOf(answers));
        if (!RecordAccess.Allows(verdict))
        {
            return new RowProblem(row.Line, ImportRefusals.Reason(RecordKind.Umkm, new WriteRefusal(verdict, regency)));
        }

        var (nikHash, normalName, village, nib, hpHash) = (existing.NikHash, existing.NamaUsahaNormal, existing.KodeDesa, existing.Nib, existing.HpHash);
        RecordRules.Update(existing, answers, verdict, Importer, _now);
        ProtectedColumns.StampHashes(existing, _protector);
        var note = RecordRules.FlagUmkm(existing, _store.Matches(existing));
        var values = _records.Values(existing);
        if (ChangedColumns.Of(stored, values, _records.HashTwins) is not { } changed)
        {
            // The same values again (a file imported twice): nothing to write, no new version.
            Unchanged++;
            return null;
        }

        // Only now, and from the stored row: most rows of a file imported again change nothing and need no history.
        var before = RecordSnapshots.Take(_records.Materialize(stored, () => new UmkmRecord()));
        existing.UpdatedAt = _now;
        values[_updatedAtColumn] = _records.Columns[_updatedAtColumn].ToProvider(existing);
        changed[_updatedAtColumn] = true;
        _store.Update(existing.Id, values, changed);
        _candidates?.AddChanged(existing, nikHash, normalName, village, nib, hpHash);
        _store.AddVersion(existing, before, note, _now);
        _deltas.Add(RecordKind.Umkm, regency, sentAt, status, -1);
        _deltas.Add(RecordKind.Umkm, existing.KodeKabupaten, existing.WaktuKirim, existing.Status, +1);
        Updated++;
        return null;
    }

    private void EndBatch()
    {
        // Not committed: rolled back, a deferred load's dropped indexes with it.
        _store.EndBatch();
        _open = false;
        _deltas.Clear();
        _inBatch = 0;
    }
}
