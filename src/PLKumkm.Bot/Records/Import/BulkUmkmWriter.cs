using PLKumkm.Bot.Core;
using PLKumkm.Bot.Importing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using PLKumkm.Bot.Storage.Counting;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// Writes validated rows straight to SQLite with prepared statements, in large transactions: the
/// bulk twin of <see cref="RecordWriter"/> with the same rules (one record per NIK + normalised
/// business name, registration numbers from <c>registration_sequences</c>, counts in the same transaction).
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
    private readonly SqliteConnection _connection;
    private readonly EntityTable<UmkmRecord> _records;
    private readonly EntityTable<RegistrationSequence> _sequences;
    private readonly DateTimeOffset _now;
    private readonly int _batchSize;
    private readonly HashSet<ulong> _known = [];
    private readonly Dictionary<string, long> _lastNumbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedPrefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteStatement> _updates = new(StringComparer.Ordinal);
    private readonly CountDeltas _deltas = new();
    private readonly object _withdrawn;
    private readonly int _numberColumn;
    private readonly int _updatedAtColumn;
    private readonly int _statusColumn;
    private readonly int _flagReasonColumn;
    private readonly IModel _model;
    private readonly ImportCandidates? _candidates;
    private readonly List<long> _ids = [];
    private DeferredIndexes? _deferred;
    private BulkRules? _rules;
    private SqliteTransaction? _transaction;
    private SqliteStatement? _insert;
    private SqliteStatement? _find;
    private long _maxId;
    private int _inBatch;

    /// <param name="deferIndexesUpTo">
    /// Load with deferred indexes when the table's highest record id is at most this (−1: never).
    /// </param>
    /// <param name="expectedRows">Roughly how many rows the file has (sizes the in-memory lookups of a deferred load).</param>
    public BulkUmkmWriter(string connectionString, IModel model, EntityTable<UmkmRecord> records, DateTimeOffset now, int batchSize,
        long deferIndexesUpTo = -1, long expectedRows = 0)
    {
        _records = records;
        _sequences = new EntityTable<RegistrationSequence>(model);
        _withdrawn = _records[nameof(UmkmRecord.Status)].ToProvider(RecordStatus.Withdrawn)!;
        _numberColumn = _records.IndexOf(nameof(UmkmRecord.RegistrationNumber));
        _updatedAtColumn = _records.IndexOf(nameof(UmkmRecord.UpdatedAt));
        _statusColumn = _records.IndexOf(nameof(UmkmRecord.Status));
        _flagReasonColumn = _records.IndexOf(nameof(UmkmRecord.FlagReason));
        _model = model;
        _now = now;
        _batchSize = batchSize;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        // A bigger page cache keeps the (NIK, name) and other indexes in memory while they grow.
        Execute("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY;");
        // The highest id, not a count: as cheap on ten million records as on none.
        var stored = Scalar($"SELECT COALESCE(MAX({Q(_records.Key!.Name)}), 0) FROM {Q(_records.Name)}");
        if (deferIndexesUpTo >= 0 && stored <= deferIndexesUpTo && stored + 2 * expectedRows < int.MaxValue)
        {
            _candidates = new ImportCandidates((int)Math.Min(stored + expectedRows, 1 << 28));
            // Appending to a table without indexes and sorting to build them need no large page cache
            // (measured: 32 MB as fast as 128 MB); the memory goes to the candidates instead.
            Execute("PRAGMA cache_size = -32768");
        }
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
        if (_transaction is null)
        {
            Begin();
        }

        object?[]? stored;
        if (_candidates is null)
        {
            var hash = BusinessKeyHash.Of(row.Nik, row.NormalName);
            stored = _known.Contains(hash) ? Find(row.Nik, row.NormalName, 0) : null;
            if (stored is null)
            {
                _known.Add(hash);
            }
        }
        else
        {
            stored = FindCandidate(row.Nik, row.NormalName);
        }

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
        if (_transaction is null)
        {
            return;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        DailyCountStore.Apply(_connection, _transaction, _deltas);
        SaveSequences();
        if (_deferred is not null)
        {
            _deferred.Restore();
            IndexRebuild += watch.Elapsed;
            watch.Restart();
        }

        _maxId = Scalar($"SELECT COALESCE(MAX({Q(_records.Key!.Name)}), 0) FROM {Q(_records.Name)}");
        _transaction.Commit();
        Committing += watch.Elapsed;
        DisposeBatch();
    }

    public void Dispose()
    {
        DisposeBatch();
        _connection.Dispose();
    }

    private void Begin()
    {
        _transaction = _connection.BeginTransaction(deferred: false);
        _insert = new SqliteStatement(_connection, _records.InsertSql());
        _find = new SqliteStatement(_connection,
            $"SELECT {_records.SelectList()} FROM {Q(_records.Name)} WHERE {Col(nameof(UmkmRecord.Nik))} = ?1 AND " +
            $"{Col(nameof(UmkmRecord.NamaUsahaNormal))} = ?2 AND {Col(nameof(UmkmRecord.Status))} <> ?3" +
            (_candidates is null ? " LIMIT 1" : $" AND {Q(_records.Key!.Name)} = ?4"));
        if (_candidates is null)
        {
            CatchUp();
        }
        else
        {
            // Every stored row (whatever its status: the rules' own conditions check that), then no index until the commit.
            LoadCandidates();
            _deferred = DeferredIndexes.Drop(_connection, _transaction, _records.Name);
        }

        _rules = new BulkRules(_connection, _model, _candidates);
        LoadSequences();
    }

    private void CatchUp()
    {
        using var command = Prepare(
            $"SELECT {Q(_records.Key!.Name)}, {Col(nameof(UmkmRecord.Nik))}, {Col(nameof(UmkmRecord.NamaUsahaNormal))} FROM {Q(_records.Name)} " +
            $"WHERE {Q(_records.Key.Name)} > $max AND {Col(nameof(UmkmRecord.Nik))} IS NOT NULL AND {Col(nameof(UmkmRecord.Status))} <> $withdrawn");
        command.Parameters.AddWithValue("$max", _maxId);
        command.Parameters.AddWithValue("$withdrawn", _withdrawn);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _maxId = Math.Max(_maxId, reader.GetInt64(0));
            _known.Add(BusinessKeyHash.Of(reader.GetString(1), reader.GetString(2)));
        }
    }

    private void LoadCandidates()
    {
        using var command = Prepare(
            $"SELECT {Q(_records.Key!.Name)}, {Col(nameof(UmkmRecord.Nik))}, {Col(nameof(UmkmRecord.NamaUsahaNormal))}, {Col(nameof(UmkmRecord.KodeDesa))}, " +
            $"{Col(nameof(UmkmRecord.Nib))}, {Col(nameof(UmkmRecord.Hp))} FROM {Q(_records.Name)}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _candidates!.Add(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
        }
    }

    private object?[]? FindCandidate(string nik, string normalName)
    {
        _candidates!.Business.Find(ImportCandidates.BusinessKey(nik, normalName), _ids);
        foreach (var id in _ids)
        {
            if (Find(nik, normalName, id) is { } stored)
            {
                return stored;
            }
        }

        return null;
    }

    /// <summary>The stored row of this business (key first, then <see cref="EntityTable{T}.Columns"/>), or null; <paramref name="id"/>: only that row (deferred indexes).</summary>
    private object?[]? Find(string nik, string normalName, long id)
    {
        _find!.Bind(1, nik);
        _find.Bind(2, normalName);
        _find.Bind(3, _withdrawn);
        if (id != 0)
        {
            _find.Bind(4, id);
        }

        try
        {
            if (!_find.Step())
            {
                return null;
            }

            var stored = new object?[_records.Columns.Count + 1];
            for (var i = 0; i < stored.Length; i++)
            {
                stored[i] = _find.Column(i);
            }

            return stored;
        }
        finally
        {
            _find.Reset();
        }
    }

    private void Insert(UmkmImportRow row)
    {
        var record = row.Record;
        var note = _rules!.Apply(record);
        row.InsertValues[_statusColumn] = _records.Columns[_statusColumn].ToProvider(record);
        row.InsertValues[_flagReasonColumn] = record.FlagReason;
        record.RegistrationNumber = NextNumber(record.KodeKabupaten);
        row.InsertValues[_numberColumn] = record.RegistrationNumber;
        _insert!.Bind(row.InsertValues);
        _insert.Execute();
        record.Id = SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle);
        _candidates?.Add(record);
        // Worked out on a validation thread for an active record; a flag changes the status it records.
        _rules.AddVersion(record, null, note, _now, record.Status == RecordStatus.Active ? row.CreationChanges : null);
        _deltas.Add(RecordKind.Umkm, record.KodeKabupaten, record.WaktuKirim, record.Status, +1);
        Added++;
    }

    private RowProblem? Update(object?[] stored, UmkmImportRow row)
    {
        var existing = _records.Materialize(stored, () => new UmkmRecord());
        var (regency, sentAt, status) = (existing.KodeKabupaten, existing.WaktuKirim, existing.Status);
        if (row.Record.KodeKabupaten is { Length: > 0 } wanted && wanted != regency)
        {
            // RecordAccess's rule for every writer: a record never moves to another regency by an update.
            return new RowProblem(row.Line, $"this business is registered in {regency}; an import cannot move it to another regency");
        }

        var (nik, normalName, village, nib, hp) = (existing.Nik, existing.NamaUsahaNormal, existing.KodeDesa, existing.Nib, existing.Hp);
        // Only the columns the file gives change; a file without waktu_kirim keeps the original time.
        UmkmFields.Apply(existing, row.Answers.ToDictionary(StringComparer.Ordinal));
        existing.WaktuKirim = existing.WaktuKirim.ToUniversalTime();
        var note = _rules!.Apply(existing);
        var values = _records.Values(existing);
        var changed = new bool[values.Length];
        var any = false;
        for (var i = 0; i < values.Length; i++)
        {
            changed[i] = !EntityTable<UmkmRecord>.SameStored(stored[i + 1], values[i]);
            any |= changed[i];
        }

        if (!any)
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
        var statement = UpdateStatement(changed);
        var position = 1;
        for (var i = 0; i < values.Length; i++)
        {
            if (changed[i])
            {
                statement.Bind(position++, values[i]);
            }
        }

        statement.Bind(position, existing.Id);
        statement.Execute();
        _candidates?.AddChanged(existing, nik, normalName, village, nib, hp);
        _rules.AddVersion(existing, before, note, _now);
        _deltas.Add(RecordKind.Umkm, regency, sentAt, status, -1);
        _deltas.Add(RecordKind.Umkm, existing.KodeKabupaten, existing.WaktuKirim, existing.Status, +1);
        Updated++;
        return null;
    }

    private SqliteStatement UpdateStatement(bool[] changed)
    {
        var key = string.Create(changed.Length, changed, (span, flags) =>
        {
            for (var i = 0; i < flags.Length; i++)
            {
                span[i] = flags[i] ? '1' : '0';
            }
        });
        if (!_updates.TryGetValue(key, out var statement))
        {
            statement = _updates[key] = new SqliteStatement(_connection, _records.UpdateSql(changed));
        }

        return statement;
    }

    private string NextNumber(string regencyCode)
    {
        var prefix = RegistrationNumbers.Prefix(RecordKind.Umkm, regencyCode);
        var next = _lastNumbers.GetValueOrDefault(prefix) + 1;
        _lastNumbers[prefix] = next;
        _usedPrefixes.Add(prefix);
        return RegistrationNumbers.Format(prefix, next);
    }

    private void LoadSequences()
    {
        _lastNumbers.Clear();
        using var command = Prepare($"SELECT {SeqCol(nameof(RegistrationSequence.Prefix))}, {SeqCol(nameof(RegistrationSequence.LastValue))} FROM {Q(_sequences.Name)}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _lastNumbers[reader.GetString(0)] = reader.GetInt64(1);
        }
    }

    private void SaveSequences()
    {
        var prefix = SeqCol(nameof(RegistrationSequence.Prefix));
        var last = SeqCol(nameof(RegistrationSequence.LastValue));
        using var command = Prepare($"INSERT INTO {Q(_sequences.Name)} ({prefix}, {last}) VALUES ($prefix, $last) " +
            $"ON CONFLICT ({prefix}) DO UPDATE SET {last} = excluded.{last}");
        foreach (var used in _usedPrefixes)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$prefix", used);
            command.Parameters.AddWithValue("$last", _lastNumbers[used]);
            command.ExecuteNonQuery();
        }
    }

    private void DisposeBatch()
    {
        _insert?.Dispose();
        _find?.Dispose();
        _rules?.Dispose();
        _rules = null;
        foreach (var statement in _updates.Values)
        {
            statement.Dispose();
        }

        _updates.Clear();
        _insert = null;
        _find = null;
        // Not committed: rolled back, a deferred load's dropped indexes with it.
        _transaction?.Dispose();
        _transaction = null;
        _deferred = null;
        _deltas.Clear();
        _usedPrefixes.Clear();
        _inBatch = 0;
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Prepare(sql);
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = Prepare(sql);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private string Col(string property) => Q(_records[property].Name);

    private string SeqCol(string property) => Q(_sequences[property].Name);

    private static string Q(string name) => EntityTable<UmkmRecord>.Quote(name);
}
