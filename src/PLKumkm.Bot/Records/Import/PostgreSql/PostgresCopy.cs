using Npgsql;
using NpgsqlTypes;

namespace PLKumkm.Bot.Records.Import.PostgreSql;

/// <summary>A table's binary COPY: its columns and their types.</summary>
internal sealed class PostgresCopy(string table, IReadOnlyList<string> columns, IReadOnlyList<NpgsqlDbType> types)
{
    private readonly string _sql =
        $"COPY {EntityTable<object>.Quote(table)} ({string.Join(", ", columns.Select(EntityTable<object>.Quote))}) FROM STDIN (FORMAT BINARY)";

    public void Write(NpgsqlConnection connection, List<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var copy = connection.BeginBinaryImport(_sql);
        foreach (var row in rows)
        {
            copy.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null or DBNull)
                {
                    copy.WriteNull();
                }
                else
                {
                    copy.Write(PostgresTypes.Value(types[i], row[i]), types[i]);
                }
            }
        }

        copy.Complete();
    }
}
