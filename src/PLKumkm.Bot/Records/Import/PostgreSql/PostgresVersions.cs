using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Records.Import.PostgreSql;

/// <summary>
/// <see cref="BulkVersions"/> on PostgreSQL: the same versions (numbered after the record's last one, the changed
/// fields, from the import), held in <see cref="PendingRecords"/> and sent by COPY.
/// </summary>
internal sealed class PostgresVersions : IDisposable
{
    private readonly EntityTable<RecordVersion> _versions;
    private readonly Dictionary<string, int> _positions;
    private readonly object?[] _template;
    private readonly PostgresStatement _lastVersion;
    private readonly PendingRecords _pending;
    private readonly FieldProtector _protector;

    public PostgresVersions(NpgsqlConnection connection, NpgsqlTransaction transaction, IModel model, Submitter submitter, FieldProtector protector,
        PendingRecords pending)
    {
        _protector = protector;
        _pending = pending;
        _versions = new EntityTable<RecordVersion>(model);
        string V(string property) => EntityTable<RecordVersion>.Quote(_versions[property].Name);
        _positions = _versions.Columns.Select((c, i) => (c.Property.Name, Position: i)).ToDictionary(c => c.Name, c => c.Position);
        var kind = _versions[nameof(RecordVersion.Kind)].ToProvider(RecordKind.Umkm);
        _lastVersion = new PostgresStatement(connection, transaction,
            $"SELECT MAX({V(nameof(RecordVersion.Version))}) FROM {EntityTable<RecordVersion>.Quote(_versions.Name)} " +
            $"WHERE {V(nameof(RecordVersion.Kind))} = $1 AND {V(nameof(RecordVersion.RecordId))} = $2", NpgsqlDbType.Text, NpgsqlDbType.Bigint);
        _lastVersion.Bind(1, kind);
        _template = new object?[_versions.Columns.Count];
        _template[_positions[nameof(RecordVersion.Kind)]] = kind;
        _template[_positions[nameof(RecordVersion.ByPersonId)]] = submitter.PersonId;
        _template[_positions[nameof(RecordVersion.Source)]] = _versions[nameof(RecordVersion.Source)].ToProvider(submitter.Source);
    }

    public static PostgresCopy Copy(IModel model)
    {
        var versions = new EntityTable<RecordVersion>(model);
        return new PostgresCopy(versions.Name, [.. versions.Columns.Select(c => c.Name)], [.. versions.Columns.Select(PostgresTypes.Of)]);
    }

    /// <summary>Adds the record's next version (1 for a new record): the changed fields.</summary>
    /// <param name="changes">When already worked out: the changes as stored (encrypted).</param>
    public void Add(UmkmRecord record, IReadOnlyDictionary<string, string?>? before, string? note, DateTimeOffset at, object? changes = null)
    {
        var version = 1;
        if (before is not null)
        {
            _pending.Send(record.Id);
            _lastVersion.Bind(2, record.Id);
            version = Convert.ToInt32(_lastVersion.Scalar() ?? 0, System.Globalization.CultureInfo.InvariantCulture) + 1;
        }

        var values = (object?[])_template.Clone();
        values[_positions[nameof(RecordVersion.RecordId)]] = record.Id;
        values[_positions[nameof(RecordVersion.Version)]] = version;
        values[_positions[nameof(RecordVersion.At)]] = _versions[nameof(RecordVersion.At)].ToProvider(at);
        values[_positions[nameof(RecordVersion.ChangesJson)]] = changes ?? _protector.Protect(RecordHistory.Changes(before, RecordSnapshots.Take(record)));
        values[_positions[nameof(RecordVersion.Note)]] = note;
        _pending.AddVersion(record.Id, values);
    }

    public void Dispose() => _lastVersion.Dispose();
}
