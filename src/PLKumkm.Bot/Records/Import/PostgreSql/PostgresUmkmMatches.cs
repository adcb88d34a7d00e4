using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records.Rules;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import.PostgreSql;

/// <summary>
/// <see cref="SqliteUmkmMatches"/> on PostgreSQL: the same lookups (<see cref="UmkmMatchSql"/>) as prepared Npgsql
/// statements, by the table's indexes or, in a first load, by each candidate's id (<see cref="ImportCandidates"/>).
/// </summary>
internal sealed class PostgresUmkmMatches : IDisposable
{
    private static readonly NpgsqlDbType[] Rest =
        [NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint];

    private readonly PostgresStatement _sameName;
    private readonly PostgresStatement _nibUmkm;
    private readonly PostgresStatement _nibKoperasi;
    private readonly PostgresStatement _phone;
    private readonly PostgresStatement _approved;
    private readonly ImportCandidates? _candidates;
    private readonly PendingRecords _pending;
    private readonly List<long> _ids = [];

    /// <param name="pending">Rows of a first load not sent yet: a candidate among them is sent before it is looked up.</param>
    public PostgresUmkmMatches(NpgsqlConnection connection, NpgsqlTransaction transaction, IModel model, ImportCandidates? candidates, PendingRecords pending)
    {
        _candidates = candidates;
        _pending = pending;
        var sql = new UmkmMatchSql(model, candidates is not null, n => "$" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _sameName = Lookup(sql.SameName, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint);
        _nibUmkm = Lookup(sql.NibUmkm, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint);
        _nibKoperasi = Lookup(sql.NibKoperasi, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint);
        _phone = Lookup(sql.Phone, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint);
        _approved = new PostgresStatement(connection, transaction, sql.Approved, NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Text);
        _approved.Bind(2, sql.ApprovedValue);
        _approved.Bind(3, sql.UmkmKind);

        PostgresStatement Lookup(string text, params NpgsqlDbType[] first)
        {
            var statement = new PostgresStatement(connection, transaction, text, [.. first, .. Rest]);
            statement.Bind(UmkmMatchSql.Withdrawn, sql.Status(RecordStatus.Withdrawn));
            statement.Bind(UmkmMatchSql.Active, sql.Status(RecordStatus.Active));
            statement.Bind(UmkmMatchSql.Flagged, sql.Status(RecordStatus.Flagged));
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

        var approved = false;
        if (record.Id != 0)
        {
            _approved.Bind(1, record.Id);
            approved = _approved.Scalar() is not null;
        }

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

        _phone.Bind([hpHash, record.Id]);
        if (_candidates is null)
        {
            using var reader = _phone.Reader();
            while (reader.Read())
            {
                if (Similar(reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), record))
                {
                    return new OtherRecord(reader.GetString(0), reader.GetString(1));
                }
            }

            return null;
        }

        // The same candidates the index would give, in the same order (by id), at most as many.
        _candidates.Phone.Find(ImportCandidates.Key(hpHash), _ids);
        var seen = 0;
        foreach (var candidate in _ids)
        {
            _pending.Send(candidate);
            _phone.Bind(UmkmMatchSql.Candidate, candidate);
            if (_phone.Row() is not { } row)
            {
                continue;
            }

            if (Similar(row[2] as string, (string)row[3]!, record))
            {
                return new OtherRecord((string)row[0]!, (string)row[1]!);
            }

            if (++seen == RecordRules.MaxPhoneCandidates)
            {
                return null;
            }
        }

        return null;
    }

    private static bool Similar(string? nikHash, string normalName, UmkmRecord record) =>
        !string.Equals(nikHash, record.NikHash, StringComparison.Ordinal) && BusinessName.AreSimilar(normalName, record.NamaUsahaNormal);

    /// <summary>The first row: by the table's index, or among the candidates (lowest id first, as the index orders them).</summary>
    private OtherRecord? First(PostgresStatement statement, CandidateIndex? candidates, ulong key, params object?[] values)
    {
        if (candidates is null)
        {
            return Row(statement, values);
        }

        candidates.Find(key, _ids);
        foreach (var candidate in _ids)
        {
            _pending.Send(candidate);
            statement.Bind(UmkmMatchSql.Candidate, candidate);
            if (Row(statement, values) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static OtherRecord? Row(PostgresStatement statement, params object?[] values)
    {
        statement.Bind(values);
        return statement.Row() is { } row ? new OtherRecord((string)row[0]!, (string)row[1]!) : null;
    }
}
