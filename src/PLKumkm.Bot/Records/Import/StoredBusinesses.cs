using Microsoft.Data.Sqlite;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// The bulk import's way of finding the same business (what <see cref="StoredMatches.SameBusinessAsync"/> finds for
/// <see cref="RecordWriter"/>: the same NIK and normalised name, not withdrawn), as the stored row's values. The NIK is
/// stored encrypted, so it is found by its keyed hash (<see cref="UmkmRecord.NikHash"/>). A hash per
/// known business answers "certainly new" from memory, so only a repeat costs an index lookup; each transaction
/// first catches up with what other writers (the running bot) added since the last one. While a first load runs
/// without the table's indexes, <see cref="ImportCandidates"/> names the rows to check by primary key instead.
/// </summary>
internal sealed class StoredBusinesses(SqliteConnection connection, EntityTable<UmkmRecord> records, ImportCandidates? candidates) : IDisposable
{
    private readonly HashSet<ulong> _known = [];
    private readonly List<long> _ids = [];
    private readonly object _withdrawn = records[nameof(UmkmRecord.Status)].ToProvider(RecordStatus.Withdrawn)!;
    private SqliteStatement? _find;
    private long _maxId;

    /// <summary>Prepares the lookup for a new transaction, and makes what is stored findable.</summary>
    public void Begin(SqliteTransaction transaction)
    {
        _find = new SqliteStatement(connection,
            $"SELECT {records.SelectList()} FROM {Q(records.Name)} WHERE {Col(nameof(UmkmRecord.NikHash))} = ?1 AND " +
            $"{Col(nameof(UmkmRecord.NamaUsahaNormal))} = ?2 AND {Col(nameof(UmkmRecord.Status))} <> ?3" +
            (candidates is null ? " LIMIT 1" : $" AND {Q(records.Key!.Name)} = ?4"));
        _find.Bind(3, _withdrawn);
        if (candidates is null)
        {
            CatchUp(transaction);
        }
        else
        {
            // Every stored row (whatever its status: the rules' own conditions check that).
            LoadCandidates(transaction);
        }
    }

    /// <summary>The stored row of this business (key first, then <see cref="EntityTable{T}.Columns"/>), or null; a new one is known from now on.</summary>
    public object?[]? Find(string nikHash, string normalName)
    {
        if (candidates is not null)
        {
            candidates.Business.Find(ImportCandidates.BusinessKey(nikHash, normalName), _ids);
            foreach (var id in _ids)
            {
                if (Row(nikHash, normalName, id) is { } candidate)
                {
                    return candidate;
                }
            }

            return null;
        }

        var hash = BusinessKeyHash.Of(nikHash, normalName);
        var stored = _known.Contains(hash) ? Row(nikHash, normalName, 0) : null;
        if (stored is null)
        {
            _known.Add(hash);
        }

        return stored;
    }

    /// <summary>Before the commit: where the next transaction's catching up starts.</summary>
    public void End(SqliteTransaction transaction)
    {
        using var command = Command(transaction, $"SELECT COALESCE(MAX({Q(records.Key!.Name)}), 0) FROM {Q(records.Name)}");
        _maxId = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _find?.Dispose();
        _find = null;
    }

    private void CatchUp(SqliteTransaction transaction)
    {
        using var command = Command(transaction,
            $"SELECT {Q(records.Key!.Name)}, {Col(nameof(UmkmRecord.NikHash))}, {Col(nameof(UmkmRecord.NamaUsahaNormal))} FROM {Q(records.Name)} " +
            $"WHERE {Q(records.Key.Name)} > $max AND {Col(nameof(UmkmRecord.NikHash))} IS NOT NULL AND {Col(nameof(UmkmRecord.Status))} <> $withdrawn");
        command.Parameters.AddWithValue("$max", _maxId);
        command.Parameters.AddWithValue("$withdrawn", _withdrawn);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _maxId = Math.Max(_maxId, reader.GetInt64(0));
            _known.Add(BusinessKeyHash.Of(reader.GetString(1), reader.GetString(2)));
        }
    }

    private void LoadCandidates(SqliteTransaction transaction)
    {
        using var command = Command(transaction,
            $"SELECT {Q(records.Key!.Name)}, {Col(nameof(UmkmRecord.NikHash))}, {Col(nameof(UmkmRecord.NamaUsahaNormal))}, {Col(nameof(UmkmRecord.KodeDesa))}, " +
            $"{Col(nameof(UmkmRecord.Nib))}, {Col(nameof(UmkmRecord.HpHash))} FROM {Q(records.Name)}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            candidates!.Add(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
        }
    }

    /// <param name="id">Only that row (deferred indexes); 0: by the index.</param>
    private object?[]? Row(string nikHash, string normalName, long id)
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

            var stored = new object?[records.Columns.Count + 1];
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

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private string Col(string property) => Q(records[property].Name);

    private static string Q(string name) => EntityTable<UmkmRecord>.Quote(name);
}
