using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records.Rules;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// <see cref="IBulkUmkmStore"/> on SQLite: prepared statements driven through SQLite's own API (<see cref="SqliteStatement"/>),
/// an immediate transaction (SQLite's one writer: the bot's writes wait for it), and a first load's indexes dropped and
/// created again from <c>sqlite_master</c> (<see cref="DeferredIndexes"/>).
/// </summary>
internal sealed class SqliteBulkStore : IBulkUmkmStore
{
    private readonly SqliteConnection _connection;
    private readonly EntityTable<UmkmRecord> _records;
    private readonly IModel _model;
    private readonly Submitter _submitter;
    private readonly FieldProtector _protector;
    private readonly object _withdrawn;
    private SqliteTransaction? _transaction;
    private SqliteStatement? _insert;
    private SqliteStatement? _find;
    private DeferredIndexes? _deferred;
    private SqliteUmkmMatches? _matches;
    private BulkVersions? _versions;
    private ChangedColumns? _updates;
    private bool _byCandidate;

    public SqliteBulkStore(string connectionString, IModel model, EntityTable<UmkmRecord> records, Submitter submitter, FieldProtector protector)
    {
        _records = records;
        _model = model;
        _submitter = submitter;
        _protector = protector;
        _withdrawn = records[nameof(UmkmRecord.Status)].ToProvider(RecordStatus.Withdrawn)!;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        // A bigger page cache keeps the (NIK, name) and other indexes in memory while they grow.
        Execute(Storage.SqliteConnectionSetup.Pragmas + " PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY;");
    }

    public DbConnection Connection => _connection;

    public DbTransaction Transaction => _transaction ?? throw new InvalidOperationException("no import transaction is open");

    public long MaxRecordId()
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"SELECT COALESCE(MAX({Q(_records.Key!.Name)}), 0) FROM {Q(_records.Name)}";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Begin(ImportCandidates? candidates)
    {
        _byCandidate = candidates is not null;
        if (_byCandidate)
        {
            // Appending to a table without indexes and sorting to build them need no large page cache
            // (measured: 32 MB as fast as 128 MB); the memory goes to the candidates instead.
            Execute("PRAGMA cache_size = -32768");
        }

        _transaction = _connection.BeginTransaction(deferred: false);
        _insert = new SqliteStatement(_connection, _records.InsertSql());
        _find = new SqliteStatement(_connection,
            $"SELECT {_records.SelectList()} FROM {Q(_records.Name)} WHERE {Col(nameof(UmkmRecord.NikHash))} = ?1 AND " +
            $"{Col(nameof(UmkmRecord.NamaUsahaNormal))} = ?2 AND {Col(nameof(UmkmRecord.Status))} <> ?3" +
            (_byCandidate ? $" AND {Q(_records.Key!.Name)} = ?4" : " LIMIT 1"));
        _find.Bind(3, _withdrawn);
        if (_byCandidate)
        {
            // Every stored row is among the candidates (the writer loads them first): no index until the commit.
            _deferred = DeferredIndexes.Drop(_connection, _transaction, _records.Name);
        }

        _matches = new SqliteUmkmMatches(_connection, _model, candidates);
        _versions = new BulkVersions(_connection, _model, _submitter, _protector);
        _updates = new ChangedColumns(_connection, _records);
    }

    public object?[]? BusinessRow(string nikHash, string normalName, long id)
    {
        _find!.Bind(1, nikHash);
        _find.Bind(2, normalName);
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

    public UmkmMatches Matches(UmkmRecord record) => _matches!.For(record);

    public long Insert(object?[] values)
    {
        _insert!.Bind(values);
        _insert.Execute();
        return SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle);
    }

    public void AddVersion(UmkmRecord record, IReadOnlyDictionary<string, string?>? before, string? note, DateTimeOffset at, object? changes = null) =>
        _versions!.Add(record, before, note, at, changes);

    public void Update(long id, object?[] values, bool[] changed) => _updates!.Write(id, values, changed);

    public void Flush()
    {
        // Every statement has run already.
    }

    public void RestoreIndexes() => _deferred?.Restore();

    public void Commit() => _transaction!.Commit();

    public void EndBatch()
    {
        _insert?.Dispose();
        _insert = null;
        _find?.Dispose();
        _find = null;
        _matches?.Dispose();
        _matches = null;
        _versions?.Dispose();
        _versions = null;
        _updates?.Dispose();
        _updates = null;
        // Not committed: rolled back, a deferred load's dropped indexes with it.
        _transaction?.Dispose();
        _transaction = null;
        _deferred = null;
    }

    public void Dispose()
    {
        EndBatch();
        _connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string Col(string property) => Q(_records[property].Name);

    private static string Q(string name) => EntityTable<UmkmRecord>.Quote(name);
}
