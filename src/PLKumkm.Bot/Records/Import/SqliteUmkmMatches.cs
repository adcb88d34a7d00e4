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
    // A candidate's id (see UmkmMatchSql); the statuses are bound once: SQLite keeps a binding until it is replaced.
    private const int CandidatePosition = UmkmMatchSql.Candidate;

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
        var sql = new UmkmMatchSql(model, candidates is not null, n => "?" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _sameName = Prepared(sql.SameName);
        _nibUmkm = Prepared(sql.NibUmkm);
        _nibKoperasi = Prepared(sql.NibKoperasi);
        _phone = Prepared(sql.Phone);
        _approved = new SqliteStatement(connection, sql.Approved);
        _approved.Bind(2, sql.ApprovedValue);
        _approved.Bind(3, sql.UmkmKind);

        SqliteStatement Prepared(string text)
        {
            var statement = new SqliteStatement(connection, text);
            statement.BindIfUsed(UmkmMatchSql.Withdrawn, sql.Status(RecordStatus.Withdrawn));
            statement.BindIfUsed(UmkmMatchSql.Active, sql.Status(RecordStatus.Active));
            statement.BindIfUsed(UmkmMatchSql.Flagged, sql.Status(RecordStatus.Flagged));
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
