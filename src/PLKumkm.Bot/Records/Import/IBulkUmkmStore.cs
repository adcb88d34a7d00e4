using System.Data.Common;
using PLKumkm.Bot.Records.Rules;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// The database half of <see cref="BulkUmkmWriter"/>: one connection, its transactions, and the statements the import
/// runs a million times (find a stored business, find the rules' matches, insert a record and its version, update the
/// changed columns). What to write is the writer's to decide; how to write it fast is this store's:
/// <see cref="SqliteBulkStore"/> (SQLite's own prepared statements) or <see cref="PostgreSql.PostgresBulkStore"/>
/// (Npgsql, binary COPY for a first load).
/// </summary>
internal interface IBulkUmkmStore : IDisposable
{
    DbConnection Connection { get; }

    /// <summary>The open transaction (between <see cref="Begin"/> and <see cref="Commit"/> or <see cref="EndBatch"/>).</summary>
    DbTransaction Transaction { get; }

    /// <summary>The highest record id stored (0 when none): as cheap on ten million records as on none.</summary>
    long MaxRecordId();

    /// <summary>
    /// Begins a transaction in which no other writer adds records or registration numbers until it commits (readers carry
    /// on), and prepares the statements. With <paramref name="candidates"/> (a first load): the table's secondary indexes are
    /// deferred to <see cref="RestoreIndexes"/>, and every lookup is by a candidate's id.
    /// </summary>
    void Begin(ImportCandidates? candidates);

    /// <summary>The stored row of this business, not withdrawn (key first, then <see cref="EntityTable{T}.Columns"/>), or null.</summary>
    /// <param name="id">Only that row (a candidate of a first load); 0: by the table's index.</param>
    object?[]? BusinessRow(string nikHash, string normalName, long id);

    /// <summary>What matches <paramref name="record"/> as it is about to be written (id 0 when new).</summary>
    UmkmMatches Matches(UmkmRecord record);

    /// <summary>Inserts a new record's column values (<see cref="EntityTable{T}.Columns"/> order); its id.</summary>
    long Insert(object?[] values);

    /// <summary>Adds the record's next version (see <see cref="BulkVersions.Add"/>).</summary>
    void AddVersion(UmkmRecord record, IReadOnlyDictionary<string, string?>? before, string? note, DateTimeOffset at, object? changes = null);

    /// <summary>Sets the <paramref name="changed"/> columns of row <paramref name="id"/> to their <paramref name="values"/>.</summary>
    void Update(long id, object?[] values, bool[] changed);

    /// <summary>Writes whatever is still held back (before plain SQL on the same tables: counts, sequences, the commit).</summary>
    void Flush();

    /// <summary>Creates the deferred indexes again, still inside the transaction (nothing when none were deferred).</summary>
    void RestoreIndexes();

    void Commit();

    /// <summary>Ends the batch: its statements disposed, its transaction rolled back unless committed.</summary>
    void EndBatch();
}
