using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// The single-database rules <see cref="RecordWriter"/> applies to a UMKM record, as prepared SQLite
/// lookups for the bulk path: <see cref="RecordFlags"/> (implausible figures, the same business name
/// in the same village under another NIK), a NIB already held by another business, the same phone
/// with a similar name under another owner (a coordinator's approval stands), and one version in
/// the record's history per created or changed record.
/// </summary>
internal sealed class BulkRules : IDisposable
{
    private const int MaxPhoneCandidates = 50;

    private readonly SqliteStatement _duplicate;
    private readonly SqliteStatement _nibUmkm;
    private readonly SqliteStatement _nibKoperasi;
    private readonly SqliteStatement _phone;
    private readonly SqliteStatement _approved;
    private readonly SqliteStatement _lastVersion;
    private readonly SqliteStatement _addVersion;
    private readonly EntityTable<RecordVersion> _versions;
    private readonly object _active;
    private readonly object _flagged;
    private readonly object _withdrawn;
    private readonly object _approvedOutcome;
    private readonly object _umkmKind;
    private readonly object _umkmDecisionKind;
    private readonly ImportCandidates? _candidates;
    private readonly List<long> _ids = [];
    private readonly Dictionary<string, int> _versionPositions;
    private readonly object _importSource;
    private DateTimeOffset _at;
    private object? _atStored;

    /// <param name="candidates">
    /// While the table's secondary indexes are deferred: where to find the rows a rule may match; each
    /// candidate is then checked by its id against the same conditions.
    /// </param>
    public BulkRules(SqliteConnection connection, IModel model, ImportCandidates? candidates = null)
    {
        _candidates = candidates;
        var umkm = new EntityTable<UmkmRecord>(model);
        var koperasi = new EntityTable<KoperasiRecord>(model);
        var decisions = new EntityTable<ReviewDecision>(model);
        _versions = new EntityTable<RecordVersion>(model);
        string U(string property) => Q(umkm[property].Name);
        string K(string property) => Q(koperasi[property].Name);
        string V(string property) => Q(_versions[property].Name);
        var id = Q(umkm.Key!.Name);
        _active = umkm[nameof(UmkmRecord.Status)].ToProvider(RecordStatus.Active)!;
        _flagged = umkm[nameof(UmkmRecord.Status)].ToProvider(RecordStatus.Flagged)!;
        _withdrawn = umkm[nameof(UmkmRecord.Status)].ToProvider(RecordStatus.Withdrawn)!;
        _approvedOutcome = decisions[nameof(ReviewDecision.Decision)].ToProvider(ReviewOutcome.Approved)!;
        _umkmKind = _versions[nameof(RecordVersion.Kind)].ToProvider(RecordKind.Umkm)!;
        _umkmDecisionKind = decisions[nameof(ReviewDecision.Kind)].ToProvider(RecordKind.Umkm)!;
        var number = U(nameof(UmkmRecord.RegistrationNumber));
        var status = U(nameof(UmkmRecord.Status));
        var counted = $"{status} IN (?8, ?9)";

        // ?1 village, ?2 name, ?3 own id (0 when new), ?4 NIK: the oldest counted record of another owner.
        _duplicate = Lookup(connection, number,
            $"{U(nameof(UmkmRecord.KodeDesa))} = ?1 AND {U(nameof(UmkmRecord.NamaUsahaNormal))} = ?2 " +
            $"AND (?3 = 0 OR {id} < ?3) AND ({U(nameof(UmkmRecord.Nik))} IS NULL OR {U(nameof(UmkmRecord.Nik))} <> ?4) AND {counted}", id, $"ORDER BY {id} LIMIT 1");
        // ?1 NIB, ?2 own id, ?3 created (ticks), ?7 withdrawn: who had the NIB first.
        _nibUmkm = Lookup(connection, number,
            $"{U(nameof(UmkmRecord.Nib))} = ?1 AND {id} <> ?2 AND {status} <> ?7 " +
            $"AND (?2 = 0 OR {U(nameof(UmkmRecord.CreatedAt))} < ?3 OR ({U(nameof(UmkmRecord.CreatedAt))} = ?3 AND {id} < ?2))", id, $"ORDER BY {id} LIMIT 1");
        _nibKoperasi = new SqliteStatement(connection,
            $"SELECT {K(nameof(KoperasiRecord.RegistrationNumber))} FROM {Q(koperasi.Name)} WHERE {K(nameof(KoperasiRecord.Nib))} = ?1 " +
            $"AND {K(nameof(KoperasiRecord.Status))} <> ?7 AND (?2 = 0 OR {K(nameof(KoperasiRecord.CreatedAt))} < ?3) ORDER BY {Q(koperasi.Key!.Name)} LIMIT 1");
        _phone = Lookup(connection, $"{number}, {U(nameof(UmkmRecord.Nik))}, {U(nameof(UmkmRecord.NamaUsahaNormal))}",
            $"{U(nameof(UmkmRecord.Hp))} = ?1 AND {id} <> ?2 AND {counted}", id, $"LIMIT {MaxPhoneCandidates}");

        SqliteStatement Lookup(SqliteConnection c, string columns, string where, string key, string rest) => new(c,
            candidates is null
                ? $"SELECT {columns} FROM {Q(umkm.Name)} WHERE {where} {rest}"
                : $"SELECT {columns} FROM {Q(umkm.Name)} WHERE {key} = ?10 AND {where}");
        _approved = new SqliteStatement(connection,
            $"SELECT 1 FROM {Q(decisions.Name)} WHERE {Q(decisions[nameof(ReviewDecision.RecordId)].Name)} = ?1 " +
            $"AND {Q(decisions[nameof(ReviewDecision.Decision)].Name)} = ?2 AND {Q(decisions[nameof(ReviewDecision.Kind)].Name)} = ?3 LIMIT 1");
        _lastVersion = new SqliteStatement(connection,
            $"SELECT MAX({V(nameof(RecordVersion.Version))}) FROM {Q(_versions.Name)} WHERE {V(nameof(RecordVersion.Kind))} = ?1 AND {V(nameof(RecordVersion.RecordId))} = ?2");
        _addVersion = new SqliteStatement(connection, _versions.InsertSql());
        _versionPositions = _versions.Columns.Select((c, i) => (c.Property.Name, Position: i + 1)).ToDictionary(c => c.Name, c => c.Position);
        string[] written = [nameof(RecordVersion.Kind), nameof(RecordVersion.RecordId), nameof(RecordVersion.Version), nameof(RecordVersion.At),
            nameof(RecordVersion.ByPersonId), nameof(RecordVersion.Source), nameof(RecordVersion.ChangesJson), nameof(RecordVersion.Note)];
        if (!_versionPositions.Keys.Order(StringComparer.Ordinal).SequenceEqual(written.Order(StringComparer.Ordinal)))
        {
            // A column added to the model must be given a value here, not left unbound.
            throw new InvalidOperationException($"record_versions has columns the import does not write: {string.Join(", ", _versionPositions.Keys.Except(written))}");
        }
        _importSource = _versions[nameof(RecordVersion.Source)].ToProvider(RecordSources.Impor)!;
    }

    /// <summary>Flags <paramref name="record"/> as <see cref="RecordWriter"/> would; returns the history note (null when none).</summary>
    public string? Apply(UmkmRecord record)
    {
        if (record.Status is not (RecordStatus.Active or RecordStatus.Flagged))
        {
            return null;
        }

        var approved = record.Id != 0 && Approved(record.Id);

        // RecordFlags: implausible figures, and the same business under another owner in the same village.
        var reasons = RecordFlags.Implausible(record).ToList();
        if (First(_duplicate, _candidates?.Village, ImportCandidates.VillageKey(record.KodeDesa, record.NamaUsahaNormal),
                record.KodeDesa, record.NamaUsahaNormal, record.Id, record.Nik) is { } original)
        {
            reasons.Insert(0, $"kemungkinan duplikat dari {original}");
        }

        if (reasons.Count == 0)
        {
            if (record.Status == RecordStatus.Flagged)
            {
                record.Status = RecordStatus.Active;
                record.FlagReason = null;
            }
        }
        else if (!approved)
        {
            record.Status = RecordStatus.Flagged;
            record.FlagReason = string.Join("; ", reasons);
        }

        var notes = new List<string>();
        if (!approved && NibHolder(record) is { } holder && RecordWriter.Flag(record, $"NIB sudah dipakai {holder}"))
        {
            notes.Add($"ditandai: NIB sudah dipakai {holder}");
        }

        if (!approved && SamePhoneSimilarName(record) is { } twin
            && record.FlagReason?.Contains($"kemungkinan duplikat dari {twin}", StringComparison.Ordinal) != true
            && RecordWriter.Flag(record, $"kemungkinan duplikat dari {twin} (HP sama, nama mirip)"))
        {
            notes.Add($"ditandai: kemungkinan duplikat dari {twin}");
        }

        return notes.Count == 0 ? null : string.Join("; ", notes);
    }

    /// <summary>Adds the record's next version (1 for a new record): the changed fields, from the import.</summary>
    /// <param name="changes">When already worked out: the changes as text or <see cref="Utf8Text"/>.</param>
    public void AddVersion(UmkmRecord record, IReadOnlyDictionary<string, string?>? before, string? note, DateTimeOffset at, object? changes = null)
    {
        var version = before is null ? 1 : (int)((Scalar(_lastVersion, _umkmKind, record.Id) as long?) ?? 0L) + 1;
        if (at != _at)
        {
            (_at, _atStored) = (at, _versions[nameof(RecordVersion.At)].ToProvider(at));
        }

        // By position, the same values every time but the record, its version and its changes (and
        // SqliteStatement does not bind again what is already bound): a million of these per file.
        Bind(nameof(RecordVersion.Kind), _umkmKind);
        Bind(nameof(RecordVersion.RecordId), record.Id);
        Bind(nameof(RecordVersion.Version), version);
        Bind(nameof(RecordVersion.At), _atStored);
        Bind(nameof(RecordVersion.ByPersonId), null);
        Bind(nameof(RecordVersion.Source), _importSource);
        Bind(nameof(RecordVersion.ChangesJson), changes ?? RecordHistory.Changes(before, RecordSnapshots.Take(record)));
        Bind(nameof(RecordVersion.Note), note);
        _addVersion.Execute();

        void Bind(string property, object? value) => _addVersion.Bind(_versionPositions[property], value);
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _duplicate, _nibUmkm, _nibKoperasi, _phone, _approved, _lastVersion, _addVersion })
        {
            statement.Dispose();
        }
    }

    private bool Approved(long id) => Scalar(_approved, id, _approvedOutcome, _umkmDecisionKind) is not null;

    private string? NibHolder(UmkmRecord record)
    {
        if (string.IsNullOrEmpty(record.Nib))
        {
            return null;
        }

        var created = record.CreatedAt.UtcTicks;
        return First(_nibUmkm, _candidates?.Nib, ImportCandidates.Key(record.Nib), record.Nib, record.Id, created)
            ?? Text(_nibKoperasi, record.Nib, record.Id, created);
    }

    private string? SamePhoneSimilarName(UmkmRecord record)
    {
        if (string.IsNullOrEmpty(record.Hp))
        {
            return null;
        }

        if (_candidates is null)
        {
            Bind(_phone, record.Hp, record.Id);
            try
            {
                while (_phone.Step())
                {
                    if (Similar(record))
                    {
                        return _phone.Column(0) as string;
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
        _candidates.Phone.Find(ImportCandidates.Key(record.Hp), _ids);
        var seen = 0;
        foreach (var candidate in _ids)
        {
            Bind(_phone, record.Hp, record.Id);
            _phone.Bind(10, candidate);
            try
            {
                if (!_phone.Step())
                {
                    continue;
                }

                if (Similar(record))
                {
                    return _phone.Column(0) as string;
                }

                if (++seen == MaxPhoneCandidates)
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
        !string.Equals(_phone.Column(1) as string, record.Nik, StringComparison.Ordinal)
        && BusinessName.AreSimilar(_phone.Column(2) as string ?? "", record.NamaUsahaNormal);

    /// <summary>The first row's text: by the table's index, or among the candidates (lowest id first, as the index orders them).</summary>
    private string? First(SqliteStatement statement, CandidateIndex? candidates, ulong key, params object?[] values)
    {
        if (candidates is null)
        {
            return Text(statement, values);
        }

        candidates.Find(key, _ids);
        foreach (var candidate in _ids)
        {
            Bind(statement, values);
            statement.Bind(10, candidate);
            try
            {
                if (statement.Step())
                {
                    return statement.Column(0) as string;
                }
            }
            finally
            {
                statement.Reset();
            }
        }

        return null;
    }

    private string? Text(SqliteStatement statement, params object?[] values) => Scalar(statement, values) as string;

    private object? Scalar(SqliteStatement statement, params object?[] values)
    {
        Bind(statement, values);
        try
        {
            return statement.Step() ? statement.Column(0) : null;
        }
        finally
        {
            statement.Reset();
        }
    }

    // Positions 1… are the values; 7, 8 and 9 are the withdrawn, active and flagged statuses wherever a statement uses them; 10 a candidate's id.
    private void Bind(SqliteStatement statement, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            statement.Bind(i + 1, values[i]);
        }

        statement.BindIfUsed(7, _withdrawn);
        statement.BindIfUsed(8, _active);
        statement.BindIfUsed(9, _flagged);
    }

    private static string Q(string name) => EntityTable<UmkmRecord>.Quote(name);
}
