using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// The bulk import's <see cref="RecordHistory.AddAsync"/>: one version per created or changed UMKM record, numbered
/// after the record's last one, with the fields that changed, from the import (no person), as a prepared insert.
/// </summary>
internal sealed class BulkVersions : IDisposable
{
    private readonly SqliteStatement _lastVersion;
    private readonly SqliteStatement _addVersion;
    private readonly EntityTable<RecordVersion> _versions;
    private readonly Dictionary<string, int> _positions;
    private readonly FieldProtector _protector;
    private DateTimeOffset _at;
    private object? _atStored;

    public BulkVersions(SqliteConnection connection, IModel model, Submitter submitter, FieldProtector protector)
    {
        _protector = protector;
        _versions = new EntityTable<RecordVersion>(model);
        string V(string property) => EntityTable<RecordVersion>.Quote(_versions[property].Name);
        _lastVersion = new SqliteStatement(connection,
            $"SELECT MAX({V(nameof(RecordVersion.Version))}) FROM {EntityTable<RecordVersion>.Quote(_versions.Name)} " +
            $"WHERE {V(nameof(RecordVersion.Kind))} = ?1 AND {V(nameof(RecordVersion.RecordId))} = ?2");
        _addVersion = new SqliteStatement(connection, _versions.InsertSql());
        _positions = _versions.Columns.Select((c, i) => (c.Property.Name, Position: i + 1)).ToDictionary(c => c.Name, c => c.Position);
        string[] written = [nameof(RecordVersion.Kind), nameof(RecordVersion.RecordId), nameof(RecordVersion.Version), nameof(RecordVersion.At),
            nameof(RecordVersion.ByPersonId), nameof(RecordVersion.Source), nameof(RecordVersion.ChangesJson), nameof(RecordVersion.Note)];
        if (!_positions.Keys.Order(StringComparer.Ordinal).SequenceEqual(written.Order(StringComparer.Ordinal)))
        {
            // A column added to the model must be given a value here, not left unbound.
            throw new InvalidOperationException($"record_versions has columns the import does not write: {string.Join(", ", _positions.Keys.Except(written))}");
        }

        // By position, the same values every time but the record, its version, time and changes (and SqliteStatement
        // does not bind again what is already bound): a million of these per file.
        var kind = _versions[nameof(RecordVersion.Kind)].ToProvider(RecordKind.Umkm);
        _lastVersion.Bind(1, kind);
        Bind(nameof(RecordVersion.Kind), kind);
        Bind(nameof(RecordVersion.ByPersonId), submitter.PersonId);
        Bind(nameof(RecordVersion.Source), _versions[nameof(RecordVersion.Source)].ToProvider(submitter.Source));
    }

    /// <summary>Adds the record's next version (1 for a new record): the changed fields.</summary>
    /// <param name="changes">When already worked out: the changes as stored (encrypted), as text or <see cref="Utf8Text"/>.</param>
    public void Add(UmkmRecord record, IReadOnlyDictionary<string, string?>? before, string? note, DateTimeOffset at, object? changes = null)
    {
        var version = before is null ? 1 : (int)((_lastVersion.Scalar(2, record.Id) as long?) ?? 0L) + 1;
        if (at != _at || _atStored is null)
        {
            (_at, _atStored) = (at, _versions[nameof(RecordVersion.At)].ToProvider(at));
        }

        Bind(nameof(RecordVersion.RecordId), record.Id);
        Bind(nameof(RecordVersion.Version), version);
        Bind(nameof(RecordVersion.At), _atStored);
        Bind(nameof(RecordVersion.ChangesJson), changes ?? _protector.Protect(RecordHistory.Changes(before, RecordSnapshots.Take(record))));
        Bind(nameof(RecordVersion.Note), note);
        _addVersion.Execute();
    }

    public void Dispose()
    {
        _lastVersion.Dispose();
        _addVersion.Dispose();
    }

    private void Bind(string property, object? value) => _addVersion.Bind(_positions[property], value);
}
