using System.Data.Common;

namespace PLKumkm.Bot.Storage;

/// <summary>Which database engine <c>ConnectionStrings:Bot</c> names: a SQLite file, or a PostgreSQL server.</summary>
internal enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

internal static class DatabaseProviders
{
    /// <summary><c>Host=…</c> (or <c>Server=…</c>) is a PostgreSQL server; anything else (<c>Data Source=…</c>) a SQLite file.</summary>
    public static DatabaseProvider Of(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return DatabaseProvider.Sqlite;
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return builder.ContainsKey("Host") || builder.ContainsKey("Server") ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        }
        catch (ArgumentException)
        {
            return DatabaseProvider.Sqlite;
        }
    }
}
