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
                Write(copy, PostgresTypes.Value(types[i], row[i]), types[i]);
            }
        }

        copy.Complete();
    }

    /// <summary>By the value's own type: writing an <see cref="object"/> makes Npgsql look its converter up for every value.</summary>
    private static void Write(NpgsqlBinaryImporter copy, object value, NpgsqlDbType type)
    {
        switch (value)
        {
            case DBNull:
                copy.WriteNull();
                break;
            case string text:
                copy.Write(text, type);
                break;
            case long number:
                copy.Write(number, type);
                break;
            case int number:
                copy.Write(number, type);
                break;
            case short number:
                copy.Write(number, type);
                break;
            case double real:
                copy.Write(real, type);
                break;
            case bool flag:
                copy.Write(flag, type);
                break;
            case DateOnly day:
                copy.Write(day, type);
                break;
            default:
                copy.Write(value, type);
                break;
        }
    }
}
