using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records.Rules;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Records.Import.PostgreSql;

/// <summary>
/// <see cref="IBulkUmkmStore"/> on PostgreSQL. Each transaction first locks <c>registration_sequences</c> and
/// <c>umkm_records</c> in EXCLUSIVE mode: other writers (the bot) wait for its commit, readers do not, as with SQLite's
/// one writer. A first load gives its records their ids itself (the table is locked, so nobody else takes one) and sends
/// records and versions by binary COPY (<see cref="PendingRecords"/>); the usual path inserts row by row (its lookups go
/// by the table's indexes, which must see every row). The table's indexes stay: dropping them needs an ACCESS EXCLUSIVE
/// lock, which would stop the bot's readers too, and measured (100,000 rows) it gained nothing clear.
/// </summary>
internal sealed class PostgresBulkStore : IBulkUmkmStore
{
    private readonly NpgsqlConnection _connection;
    private readonly EntityTable<UmkmRecord> _records;
    private readonly IModel _model;
    private readonly Submitter _submitter;
    private readonly FieldProtector _protector;
    private readonly object _withdrawn;
    private readonly NpgsqlDbType[] _types;
    private readonly PostgresCopy _recordCopy;
    private readonly PostgresCopy _versionCopy;
    private readonly Dictionary<string, PostgresStatement> _updates = new(StringComparer.Ordinal);
    private NpgsqlTransaction? _transaction;
    private PendingRecords? _pending;
    private PostgresStatement? _insert;
    private PostgresStatement? _find;
    private PostgresUmkmMatches? _matches;
    private PostgresVersions? _versions;
    private bool _byCandidate;
    private long _lastId;
    private string? _sequence;

    public PostgresBulkStore(string connectionString, IModel model, EntityTable<UmkmRecord> records, Submitter submitter, FieldProtector protector)
    {
        _records = records;
        _model = model;
        _submitter = submitter;
        _protector = protector;
        _withdrawn = records[nameof(UmkmRecord.Status)].ToProvider(RecordStatus.Withdrawn)!;
        _types = [.. records.Columns.Select(PostgresTypes.Of)];
        _recordCopy = new PostgresCopy(records.Name, [records.Key!.Name, .. records.Columns.Select(c => c.Name)], [NpgsqlDbType.Bigint, .. _types]);
        _versionCopy = PostgresVersions.Copy(model);
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
    }

    public DbConnection Connection => _connection;

    public DbTransaction Transaction => _transaction ?? throw new InvalidOperationException("no import transaction is open");

    public long MaxRecordId() => Scalar($"SELECT COALESCE(MAX({Q(_records.Key!.Name)}), 0) FROM {Q(_records.Name)}");

    public void Begin(ImportCandidates? candidates)
    {
        _byCandidate = candidates is not null;
        _transaction = _connection.BeginTransaction();
        Execute($"LOCK TABLE {Q(new EntityTable<RegistrationSequence>(_model).Name)}, {Q(_records.Name)} IN EXCLUSIVE MODE");
        _pending = new PendingRecords(_connection, _recordCopy, _versionCopy);
        if (_byCandidate)
        {
            // Ids from after both the stored rows and whatever the table's identity has handed out; the identity is
            // moved past them before the commit.
            _lastId = Scalar($"SELECT GREATEST(({MaxSql()}), (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {Sequence()}))");
        }
        else
        {
            var columns = string.Join(", ", _records.Columns.Select(c => Q(c.Name)));
            var values = string.Join(", ", _records.Columns.Select((_, i) => P(i + 1)));
            _insert = new PostgresStatement(_connection, _transaction,
                $"INSERT INTO {Q(_records.Name)} ({columns}) VALUES ({values}) RETURNING {Q(_records.Key!.Name)}", _types);
        }

        _find = new PostgresStatement(_connection, _transaction,
            $"SELECT {_records.SelectList()} FROM {Q(_records.Name)} WHERE {Col(nameof(UmkmRecord.NikHash))} = $1 AND " +
            $"{Col(nameof(UmkmRecord.NamaUsahaNormal))} = $2 AND {Col(nameof(UmkmRecord.Status))} <> $3" +
            (_byCandidate ? $" AND {Q(_records.Key!.Name)} = $4" : " LIMIT 1"),
            NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint);
        _find.Bind(3, _withdrawn);
        _matches = new PostgresUmkmMatches(_connection, _transaction, _model, candidates, _pending);
        _versions = new PostgresVersions(_connection, _transaction, _model, _submitter, _protector, _pending);
    }

    public object?[]? BusinessRow(string nikHash, string normalName, long id)
    {
        _find!.Bind(1, nikHash);
        _find.Bind(2, normalName);
        if (id != 0)
        {
            _pending!.Send(id);
            _find.Bind(4, id);
        }

        return _find.Row();
    }

    public UmkmMatches Matches(UmkmRecord record) => _matches!.For(record);

    public long Insert(object?[] values)
    {
        if (_byCandidate)
        {
            var id = ++_lastId;
            _pending!.AddRecord(id, [id, .. values]);
            return id;
        }

        _insert!.Bind(values);
        return (long)_insert.Scalar()!;
    }

    public void AddVersion(UmkmRecord record, IReadOnlyDictionary<string, string?>? before, string? note, DateTimeOffset at, object? changes = null) =>
        _versions!.Add(record, before, note, at, changes);

    public void Update(long id, object?[] values, bool[] changed)
    {
        _pending!.Send(id);
        var statement = UpdateStatement(changed);
        var position = 1;
        for (var i = 0; i < values.Length; i++)
        {
            if (changed[i])
            {
                statement.Bind(position++, values[i]);
            }
        }

        statement.Bind(position, id);
        statement.Execute();
    }

    public void Flush() => _pending?.Send();

    public void RestoreIndexes()
    {
        // Kept all along (see the class's summary).
    }

    public void Commit()
    {
        Flush();
        if (_byCandidate && _lastId > 0)
        {
            // Not undone by a rollback, which is harmless: the identity only ever moves past ids in use.
            Scalar($"SELECT setval('{Sequence()}', GREATEST({_lastId.ToString(CultureInfo.InvariantCulture)}, " +
                $"(SELECT CASE WHEN is_called THEN last_value ELSE 1 END FROM {Sequence()})))");
        }

        _transaction!.Commit();
    }

    public void EndBatch()
    {
        _pending?.Clear();
        _pending = null;
        _insert?.Dispose();
        _insert = null;
        _find?.Dispose();
        _find = null;
        _matches?.Dispose();
        _matches = null;
        _versions?.Dispose();
        _versions = null;
        foreach (var statement in _updates.Values)
        {
            statement.Dispose();
        }

        _updates.Clear();
        // Not committed: rolled back.
        _transaction?.Dispose();
        _transaction = null;
    }

    public void Dispose()
    {
        EndBatch();
        _connection.Dispose();
    }

    private PostgresStatement UpdateStatement(bool[] changed)
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
            var types = _types.Where((_, i) => changed[i]).Append(NpgsqlDbType.Bigint).ToArray();
            statement = _updates[key] = new PostgresStatement(_connection, _transaction!, _records.UpdateSql(changed, P), types);
        }

        return statement;
    }

    /// <summary>The identity sequence of the records' key, as a quoted name.</summary>
    private string Sequence()
    {
        if (_sequence is null)
        {
            using var command = new NpgsqlCommand($"SELECT pg_get_serial_sequence('{_records.Name}', '{_records.Key!.Name}')", _connection, _transaction);
            _sequence = command.ExecuteScalar() as string
                ?? throw new InvalidOperationException($"{_records.Name}.{_records.Key.Name} has no identity sequence");
        }

        return _sequence;
    }

    private string MaxSql() => $"SELECT COALESCE(MAX({Q(_records.Key!.Name)}), 0) FROM {Q(_records.Name)}";

    private long Scalar(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection, _transaction);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection, _transaction);
        command.ExecuteNonQuery();
    }

    private static string P(int position) => "$" + position.ToString(CultureInfo.InvariantCulture);

    private string Col(string property) => Q(_records[property].Name);

    private static string Q(string name) => EntityTable<UmkmRecord>.Quote(name);
}
