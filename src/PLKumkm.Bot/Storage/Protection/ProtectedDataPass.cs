using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PLKumkm.Bot.Storage.Protection;

/// <summary>
/// Rewrites every protected column (<see cref="ProtectedColumns"/>) under <paramref name="writer"/>'s key, reading
/// values made by any key of <paramref name="readers"/> (or stored in clear), and recomputes every hash twin: one
/// transaction per batch of rows, by rowid, so a pass that stops half-way can simply run again.
/// </summary>
internal sealed class ProtectedDataPass(SqliteConnection connection, IModel model, IReadOnlyList<FieldProtector> readers, FieldProtector writer, int batchSize = 2_000)
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
            values += RunTable(table, columns, ct);
        }

        return values;
    }

    private long RunTable(string table, List<(Protection Protection, string Name, string? Hash)> columns, CancellationToken ct)
    {
        long values = 0;
        long last = 0;
        var select = $"SELECT rowid, {string.Join(", ", columns.Select(c => Q(c.Name)))} FROM {Q(table)} WHERE rowid > $last ORDER BY rowid LIMIT {batchSize.ToString(CultureInfo.InvariantCulture)}";
        var sets = columns.SelectMany((c, i) => c.Hash is null
            ? new[] { $"{Q(c.Name)} = $v{i}" }
            : new[] { $"{Q(c.Name)} = $v{i}", $"{Q(c.Hash)} = $h{i}" });
        var update = $"UPDATE {Q(table)} SET {string.Join(", ", sets)} WHERE rowid = $id";
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            using var transaction = connection.BeginTransaction(deferred: false);
            var rows = new List<(long Id, string?[] Values)>(batchSize);
            using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = select;
                read.Parameters.AddWithValue("$last", last);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    var row = new string?[columns.Count];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsDBNull(i + 1) ? null : reader.GetString(i + 1);
                    }

                    rows.Add((reader.GetInt64(0), row));
                }
            }

            if (rows.Count == 0)
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
                    write.Parameters.AddWithValue("$id", id);
                    for (var i = 0; i < row.Length; i++)
                    {
                        var clear = row[i] is { } stored ? Read(stored) : null;
                        var (protection, _, hash) = columns[i];
                        write.Parameters.AddWithValue("$v" + i.ToString(CultureInfo.InvariantCulture),
                            clear is null ? DBNull.Value : protection == Protection.Random ? writer.Protect(clear) : writer.ProtectDeterministic(clear));
                        if (hash is not null)
                        {
                            write.Parameters.AddWithValue("$h" + i.ToString(CultureInfo.InvariantCulture), clear is null ? DBNull.Value : writer.Hash(clear));
                        }

                        values += clear is null ? 0 : hash is null ? 1 : 2;
                    }

                    write.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            last = rows[^1].Id;
        }
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

    private static string Q(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
