using System.Data.Common;
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
internal sealed class StoredBusinesses(IBulkUmkmStore store, EntityTable<UmkmRecord> records, ImportCandidates? candidates)
{
    private readonly HashSet<ulong> _known = [];
    private readonly List<long> _ids = [];
    private readonly object _withdrawn = records[nameof(UmkmRecord.Status)].ToProvider(RecordStatus.Withdrawn)!;
    private long _maxId;

    /// <summary>In a new transaction (<see cref="IBulkUmkmStore.Begin"/>): makes what is stored findable.</summary>
    public void Begin()
    {
        if (candidates is null)
        {
            CatchUp();
        }
        else
        {
            // Every stored row (whatever its status: the rules' own conditions check that).
            LoadCandidates();
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
                if (store.BusinessRow(nikHash, normalName, id) is { } candidate)
                {
                    return candidate;
                }
            }

            return null;
        }

        var hash = BusinessKeyHash.Of(nikHash, normalName);
        var stored = _known.Contains(hash) ? store.BusinessRow(nikHash, normalName, 0) : null;
        if (stored is null)
        {
            _known.Add(hash);
        }

        return stored;
    }

    /// <summary>Before the commit (all written): where the next transaction's catching up starts.</summary>
    public void End() => _maxId = store.MaxRecordId();

    private void CatchUp()
    {
        using var command = Command(
            $"SELECT {Q(records.Key!.Name)}, {Col(nameof(UmkmRecord.NikHash))}, {Col(nameof(UmkmRecord.NamaUsahaNormal))} FROM {Q(records.Name)} " +
            $"WHERE {Q(records.Key.Name)} > @max AND {Col(nameof(UmkmRecord.NikHash))} IS NOT NULL AND {Col(nameof(UmkmRecord.Status))} <> @withdrawn");
        Parameter(command, "@max", _maxId);
        Parameter(command, "@withdrawn", _withdrawn);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _maxId = Math.Max(_maxId, reader.GetInt64(0));
            _known.Add(BusinessKeyHash.Of(reader.GetString(1), reader.GetString(2)));
        }
    }

    private void LoadCandidates()
    {
        using var command = Command(
            $"SELECT {Q(records.Key!.Name)}, {Col(nameof(UmkmRecord.NikHash))}, {Col(nameof(UmkmRecord.NamaUsahaNormal))}, {Col(nameof(UmkmRecord.KodeDesa))}, " +
            $"{Col(nameof(UmkmRecord.Nib))}, {Col(nameof(UmkmRecord.HpHash))} FROM {Q(records.Name)}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            candidates!.Add(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
        }
    }

    private DbCommand Command(string sql)
    {
        var command = store.Connection.CreateCommand();
        command.Transaction = store.Transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private string Col(string property) => Q(records[property].Name);

    private static string Q(string name) => EntityTable<UmkmRecord>.Quote(name);
}
