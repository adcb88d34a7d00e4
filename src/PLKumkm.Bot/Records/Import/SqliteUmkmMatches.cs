using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records.Rules;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// The bulk import's way of finding <see cref="UmkmMatches"/> (what <see cref="StoredMatches"/> finds for
/// <see cref="RecordWriter"/>, under the same conditions): prepared SQLite lookups, answered by the table's indexes or,
/// while a first load runs without them, by <see cref="ImportCandidates"/> and a primary-key check of each candidate.
/// What the matches mean is <see cref="RecordRules"/>' to decide.
/// </summary>
internal sealed class SqliteUmkmMatches : IDisposable
{
    // Positions 1… are a lookup's values; 7, 8 and 9 the withdrawn, active and flagged statuses (bound once: SQLite keeps
    // a binding until it is replaced); 10 a candidate's id.
    private const int CandidatePosition = 10;

    private readonly SqliteStatement _sameName;
    private readonly SqliteStatement _nibUmkm;
    private readonly SqliteStatement _nibKoperasi;
    private readonly SqliteStatement _phone;
    private readonly SqliteStatement _approved;
    private readonly ImportCandidates? _candidates;
    private readonly List<long> _ids = [];

    /// <param name="candidates">
    /// While the table's secondary indexes are deferred: where to find the rows a rule may match; each
    /// candidate is then checked by its id against the same conditions.
    /// </param>
    public SqliteUmkmMatches(SqliteConnection connection, IModel model, ImportCandidates? candidates = null)
    {
        _candidates = candidates;
        var umkm = new EntityTable<UmkmRecord>(model);
        var koperasi = new EntityTable<KoperasiRecord>(model);
        var decisions = new EntityTable<ReviewDecision>(model);
        string U(string property) => Q(umkm[property].Name);
        string K(string property) => Q(koperasi[property].Name);
        string D(string property) => Q(decisions[property].Name);
        var id = Q(umkm.Key!.Name);
        var status = umkm[nameof(UmkmRecord.Status)];
        var other = $"{U(nameof(UmkmRecord.RegistrationNumber))}, {U(nameof(UmkmRecord.KodeKabupaten))}";
        var counted = $"{U(nameof(UmkmRecord.Status))} IN (?8, ?9)";

        // NIK and phone are compared by their keyed hashes (the stored values are encrypted).
        // ?1 village, ?2 name, ?3 own id (0 when new), ?4 NIK hash: the oldest counted record of another owner.
        _sameName = Lookup(other,
            $"{U(nameof(UmkmRecord.KodeDesa))} = ?1 AND {U(nameof(UmkmRecord.NamaUsahaNormal))} = ?2 " +
            $"AND (?3 = 0 OR {id} < ?3) AND ({U(nameof(UmkmRecord.NikHash))} IS NULL OR {U(nameof(UmkmRecord.NikHash))} <> ?4) AND {counted}", $"ORDER BY {id} LIMIT 1");
        // ?1 NIB, ?2 own id, ?3 created (ticks): who had the NIB first.
        _nibUmkm = Lookup(other,
            $"{U(nameof(UmkmRecord.Nib))} = ?1 AND {id} <> ?2 AND {U(nameof(UmkmRecord.Status))} <> ?7 " +
            $"AND (?2 = 0 OR {U(nameof(UmkmRecord.CreatedAt))} < ?3 OR ({U(nameof(UmkmRecord.CreatedAt))} = ?3 AND {id} < ?2))", $"ORDER BY {id} LIMIT 1");
        _nibKoperasi = Prepared(connection,
            $"SELECT {K(nameof(KoperasiRecord.RegistrationNumber))}, {K(nameof(KoperasiRecord.KodeKabupaten))} FROM {Q(koperasi.Name)} " +
            $"WHERE {K(nameof(KoperasiRecord.Nib))} = ?1 AND {K(nameof(KoperasiRecord.Status))} <> ?7 " +
            $"AND (?2 = 0 OR {K(nameof(KoperasiRecord.CreatedAt))} < ?3) ORDER BY {Q(koperasi.Key!.Name)} LIMIT 1");
        // ?1 phone hash, ?2 own id.
        _phone = Lookup($"{other}, {U(nameof(UmkmRecord.NikHash))}, {U(nameof(UmkmRecord.NamaUsahaNormal))}",
            $"{U(nameof(UmkmRecord.HpHash))} = ?1 AND {id} <> ?2 AND {counted}", $"LIMIT {RecordRules.MaxPhoneCandidates}");
        // ?1 record id.
        _approved = new SqliteStatement(connection,
            $"SELECT 1 FROM {Q(decisions.Name)} WHERE {D(nameof(ReviewDecision.RecordId))} = ?1 " +
            $"AND {D(nameof(ReviewDecision.Decision))} = ?2 AND {D(nameof(ReviewDecision.Kind))} = ?3 LIMIT 1");
        _approved.Bind(2, decisions[nameof(ReviewDecision.Decision)].ToProvider(ReviewOutcome.Approved));
        _approved.Bind(3, decisions[nameof(ReviewDecision.Kind)].ToProvider(RecordKind.Umkm));

        SqliteStatement Lookup(string columns, string where, string rest) => Prepared(connection,
            candidates is null
                ? $"SELECT {columns} FROM {Q(umkm.Name)} WHERE {where} {rest}"
                : $"SELECT {columns} FROM {Q(umkm.Name)} WHERE {id} = ?{CandidatePosition} AND {where}");

        SqliteStatement Prepared(SqliteConnection c, string sql)
        {
            var statement = new SqliteStatement(c, sql);
            statement.BindIfUsed(7, status.ToProvider(RecordStatus.Withdrawn));
            statement.BindIfUsed(8, status.ToProvider(RecordStatus.Active));
            statement.BindIfUsed(9, status.ToProvider(RecordStatus.Flagged));
            return statement;
        }
    }

    /// <summary>What matches <paramref name="record"/> as it is about to be written (id 0 when new).</summary>
    public UmkmMatches For(UmkmRecord record)
    {
        if (!RecordRules.IsUndecided(record))
        {
            return UmkmMatches.None;
        }

        var approved = record.Id != 0 && _approved.Scalar(record.Id) is not null;
        var sameName = string.IsNullOrEmpty(record.KodeDesa) || string.IsNullOrEmpty(record.NamaUsahaNormal)
            ? null
            : First(_sameName, _candidates?.Village, ImportCandidates.VillageKey(record.KodeDesa, record.NamaUsahaNormal),
                record.KodeDesa, record.NamaUsahaNormal, record.Id, record.NikHash)?.Number;
        return approved
            ? new UmkmMatches(true, sameName, null, null)
            : new UmkmMatches(false, sameName, NibHolder(record), SamePhoneSimilarName(record));
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _sameName, _nibUmkm, _nibKoperasi, _phone, _approved })
        {
            statement.Dispose();
        }
    }

    private OtherRecord? NibHolder(UmkmRecord record)
    {
        if (string.IsNullOrEmpty(record.Nib))
        {
            return null;
        }

        var created = record.CreatedAt.UtcTicks;
        return First(_nibUmkm, _candidates?.Nib, ImportCandidates.Key(record.Nib), record.Nib, record.Id, created)
            ?? Row(_nibKoperasi, record.Nib, record.Id, created);
    }

    private OtherRecord? SamePhoneSimilarName(UmkmRecord record)
    {
        if (string.IsNullOrEmpty(record.Hp) || record.HpHash is not { } hpHash)
        {
            return null;
        }

        if (_candidates is null)
        {
            _phone.Bind([hpHash, record.Id]);
            try
            {
                while (_phone.Step())
                {
                    if (Similar(record))
                    {
                        return Other(_phone);
                    }
                }

                return null;
            }
            finally
            {
                _phone.Reset();
            }
        }

        // The same candidates the index would give, in the same order (by id), at most as many.
        _candidates.Phone.Find(ImportCandidates.Key(hpHash), _ids);
        var seen = 0;
        foreach (var candidate in _ids)
        {
            _phone.Bind([hpHash, record.Id]);
            _phone.Bind(CandidatePosition, candidate);
            try
            {
                if (!_phone.Step())
                {
                    continue;
                }

                if (Similar(record))
                {
                    return Other(_phone);
                }

                if (++seen == RecordRules.MaxPhoneCandidates)
                {
                    return null;
                }
            }
            finally
            {
                _phone.Reset();
            }
        }

        return null;
    }

    private bool Similar(UmkmRecord record) =>
        !string.Equals(_phone.Column(2) as string, record.NikHash, StringComparison.Ordinal)
        && BusinessName.AreSimilar(_phone.Column(3) as string ?? "", record.NamaUsahaNormal);

    /// <summary>The first row: by the table's index, or among the candidates (lowest id first, as the index orders them).</summary>
    private OtherRecord? First(SqliteStatement statement, CandidateIndex? candidates, ulong key, params object?[] values)
    {
        if (candidates is null)
        {
            return Row(statement, values);
        }

        candidates.Find(key, _ids);
        foreach (var candidate in _ids)
        {
            statement.Bind(CandidatePosition, candidate);
            if (Row(statement, values) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static OtherRecord? Row(SqliteStatement statement, params object?[] values)
    {
        statement.Bind(values);
        try
        {
            return statement.Step() ? Other(statement) : null;
        }
        finally
        {
            statement.Reset();
        }
    }

    private static OtherRecord Other(SqliteStatement statement) => new((string)statement.Column(0)!, (string)statement.Column(1)!);

    private static string Q(string name) => EntityTable<UmkmRecord>.Quote(name);
}
