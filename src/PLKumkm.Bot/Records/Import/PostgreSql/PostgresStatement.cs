using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace PLKumkm.Bot.Records.Import.PostgreSql;

/// <summary>
/// A prepared PostgreSQL statement with positional parameters (<c>$1</c>…, typed up front, so Npgsql sends the SQL as
/// written and the server plans it once), in the import's transaction.
/// </summary>
internal sealed class PostgresStatement : IDisposable
{
    private readonly NpgsqlCommand _command;
    private readonly NpgsqlDbType[] _types;

    public PostgresStatement(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params NpgsqlDbType[] types)
    {
        _types = types;
        _command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var type in types)
        {
            _command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = DBNull.Value });
        }

        _command.Prepare();
    }

    /// <summary>Binds a stored value (as <see cref="EntityTable{T}"/> gives it) at 1-based <paramref name="position"/>.</summary>
    public void Bind(int position, object? value) => _command.Parameters[position - 1].Value = PostgresTypes.Value(_types[position - 1], value);

    /// <summary>Binds <paramref name="values"/> to positions 1…n.</summary>
    public void Bind(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Bind(i + 1, values[i]);
        }
    }

    public int Execute() => _command.ExecuteNonQuery();

    /// <summary>The first column of the first row, or null.</summary>
    public object? Scalar() => _command.ExecuteScalar() is { } value and not DBNull ? value : null;

    /// <summary>The first row's columns (null for SQL NULL), or null when there is none.</summary>
    public object?[]? Row()
    {
        using var reader = _command.ExecuteReader(CommandBehavior.SingleRow);
        if (!reader.Read())
        {
            return null;
        }

        var row = new object?[reader.FieldCount];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        return row;
    }

    public NpgsqlDataReader Reader() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();
}
