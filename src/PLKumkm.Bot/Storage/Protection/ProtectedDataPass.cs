using System.Globalization;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PLKumkm.Bot.Storage.Protection;

/// <summary>
/// Rewrites every protected column (<see cref="ProtectedColumns"/>) under <paramref name="writer"/>'s key, reading
/// values made by any key of <paramref name="readers"/> (or stored in clear), and recomputes every hash twin: one
/// transaction per batch of rows, in key order, so a pass that stops half-way can simply run again. SQLite and PostgreSQL alike.
/// </summary>
internal sealed class ProtectedDataPass(DbConnection connection, IModel model, IReadOnlyList<FieldProtector> readers, FieldProtector writer, int batchSize = 2_000)
{
    /// <summary>Values rewritten (encrypted or hashed), over all tables.</summary>
    public long Run(CancellationToken ct = default)
    {
        long values = 0;
        foreach (var group in ProtectedColumns.All.GroupBy(c => c.Entity))
        {
            var entity = model.FindEntityType(group.Key) ?? throw new InvalidOperationException($"{group.Key.Name} is not in the model");
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var columns = group.Select(c => (
                c.Protection,
                Name: entity.FindProperty(c.Property)!.GetColumnName(store)!,
                Hash: c.HashProperty is null ? null : entity.FindProperty(c.HashProperty)!.GetColumnName(store))).ToList();
            values += RunTable(table, RowKey(entity, store), columns, ct);
        }

        return values;
    }

    /// <summary>SQLite walks a table by rowid, which no update changes. PostgreSQL has no such column: the primary keys are
    /// listed first and walked in that order (a key that is itself protected changes under the pass).</summary>
    private string RowKey(IEntityType entity, StoreObjectIdentifier store) =>
        connection is SqliteConnection ? "rowid"
        : entity.FindPrimaryKey()?.Properties is [{ } key] ? Q(key.GetColumnName(store)!)
        : throw new InvalidOperationException($"{entity.DisplayName()} has no single-column key to walk its rows by");

    private long RunTable(string table, string key, List<(Protection Protection, string Name, string? Hash)> columns, CancellationToken ct)
    {
        long values = 0;
        var limit = batchSize.ToString(CultureInfo.InvariantCulture);
        var selected = $"SELECT {key}, {string.Join(", ", columns.Select(c => Q(c.Name)))} FROM {Q(table)}";
        var sets = columns.SelectMany((c, i) => c.Hash is null
            ? new[] { $"{Q(c.Name)} = @v{i}" }
            : new[] { $"{Q(c.Name)} = @v{i}", $"{Q(c.Hash)} = @h{i}" });
        var update = $"UPDATE {Q(table)} SET {string.Join(", ", sets)} WHERE {key} = @id";
        var sqlite = connection as SqliteConnection;
        var keys = sqlite is null ? AllKeys(table, key) : null;
        long lastRowId = 0;
        var done = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (keys is not null && done >= keys.Count)
            {
                return values;
            }

            // SQLite: take the write lock at once (BEGIN IMMEDIATE) rather than fail on upgrading a read lock.
            using var transaction = sqlite is not null ? sqlite.BeginTransaction(deferred: false) : connection.BeginTransaction();
            var rows = new List<(object Id, string?[] Values)>(batchSize);
            using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                if (keys is null)
                {
                    read.CommandText = $"{selected} WHERE rowid > @last ORDER BY rowid LIMIT {limit}";
                    Add(read, "@last", lastRowId);
                }
                else
                {
                    read.CommandText = $"{selected} WHERE {key} = ANY(@keys)";
                    Add(read, "@keys", Typed(keys.Skip(done).Take(batchSize).ToList()));
                }

                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    var row = new string?[columns.Count];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsDBNull(i + 1) ? null : reader.GetString(i + 1);
                    }

                    rows.Add((reader.GetValue(0), row));
                }
            }

            if (rows.Count == 0 && keys is null)
            {
                return values;
            }

            using (var write = connection.CreateCommand())
            {
                write.Transaction = transaction;
                write.CommandText = update;
                foreach (var (id, row) in rows)
                {
                    write.Parameters.Clear();
                    Add(write, "@id", id);
                    for (var i = 0; i < row.Length; i++)
                    {
                        var clear = row[i] is { } stored ? Read(stored) : null;
                        var (protection, _, hash) = columns[i];
                        Add(write, "@v" + i.ToString(CultureInfo.InvariantCulture),
                            clear is null ? DBNull.Value : protection == Protection.Random ? writer.Protect(clear) : writer.ProtectDeterministic(clear));
                        if (hash is not null)
                        {
                            Add(write, "@h" + i.ToString(CultureInfo.InvariantCulture), clear is null ? DBNull.Value : writer.Hash(clear));
                        }

                        values += clear is null ? 0 : hash is null ? 1 : 2;
                    }

                    write.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            if (keys is null)
            {
                lastRowId = (long)rows[^1].Id;
            }
            else
            {
                done += batchSize;
            }
        }
    }

    /// <summary>An array of the keys' own type (text or bigint), as PostgreSQL's <c>ANY</c> needs.</summary>
    private static Array Typed(List<object> keys)
    {
        var array = Array.CreateInstance(keys[0].GetType(), keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            array.SetValue(keys[i], i);
        }

        return array;
    }

    private List<object> AllKeys(string table, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {key} FROM {Q(table)} ORDER BY {key}";
        using var reader = command.ExecuteReader();
        var keys = new List<object>();
        while (reader.Read())
        {
            keys.Add(reader.GetValue(0));
        }

        return keys;
    }

    private string Read(string stored)
    {
        if (!FieldProtector.IsProtected(stored, out var keyId))
        {
            return stored;
        }

        foreach (var reader in readers)
        {
            if (reader.KeyId == keyId)
            {
                return reader.Unprotect(stored);
            }
        }

        throw new DataProtectionException($"a stored value was encrypted with key {keyId}, which is neither the old nor the new key");
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Q(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
