using Microsoft.Data.Sqlite;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// A table's secondary indexes, dropped for a bulk load and created again from their own SQL as
/// stored in <c>sqlite_master</c> (so the migrations stay their only definition). Both happen in
/// the load's transaction: SQLite's DDL is transactional, so a load that fails or a process that dies
/// before the commit leaves the indexes exactly as they were.
/// </summary>
internal sealed class DeferredIndexes
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly List<(string Name, string Sql)> _dropped = [];

    private DeferredIndexes(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public IReadOnlyList<string> Names => [.. _dropped.Select(d => d.Name)];

    /// <summary>The index definitions of <paramref name="table"/> (name, SQL) as SQLite stores them; automatic ones (primary key, UNIQUE) have none and stay.</summary>
    public static List<(string Name, string Sql)> Of(SqliteConnection connection, SqliteTransaction? transaction, string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL ORDER BY name";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var indexes = new List<(string, string)>();
        while (reader.Read())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    /// <summary>Drops the secondary indexes of <paramref name="table"/> inside <paramref name="transaction"/>.</summary>
    public static DeferredIndexes Drop(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        var deferred = new DeferredIndexes(connection, transaction);
        foreach (var (name, sql) in Of(connection, transaction, table))
        {
            deferred.Execute($"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            deferred._dropped.Add((name, sql));
        }

        return deferred;
    }

    /// <summary>Creates the dropped indexes again (one sorted pass over the table each), still inside the transaction.</summary>
    public void Restore()
    {
        foreach (var (_, sql) in _dropped)
        {
            Execute(sql);
        }

        _dropped.Clear();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
