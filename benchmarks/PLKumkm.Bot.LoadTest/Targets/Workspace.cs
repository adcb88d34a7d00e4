using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.LoadTest.Targets;

/// <summary>
/// A temporary folder with the bot's database, deleted at the end unless kept for inspection: a SQLite file in the
/// folder, or (given a PostgreSQL admin connection string) a database of its own on that server, dropped afterwards.
/// The key file and photos are in the folder either way.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("plkumkm-load-");
    private readonly string? _postgresAdmin;
    private readonly string? _postgresDatabase;

    public Workspace(string? postgresAdmin = null)
    {
        _postgresAdmin = postgresAdmin;
        if (postgresAdmin is not null)
        {
            _postgresDatabase = "plkumkm_load_" + Guid.NewGuid().ToString("N")[..8];
        }
    }

    public string Folder => _folder.FullName;

    public string DatabasePath => Path.Combine(Folder, "bot.db");

    public bool IsPostgres => _postgresDatabase is not null;

    public string ConnectionString => _postgresDatabase is { } name
        ? new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = name }.ToString()
        : $"Data Source={DatabasePath}";

    /// <summary>The default key file beside a SQLite file; set explicitly for PostgreSQL.</summary>
    public string KeyPath => Path.Combine(Folder, "bot.key");

    /// <summary>What a bot process or tool host on this workspace is started with.</summary>
    public string[] ConfigArgs => IsPostgres
        ? [$"--ConnectionStrings:Bot={ConnectionString}", $"--DataProtection:KeyFile={KeyPath}", $"--Media:Directory={Path.Combine(Folder, "media")}"]
        : [$"--ConnectionStrings:Bot={ConnectionString}"];

    public bool Keep { get; set; }

    /// <summary>Database plus write-ahead log (SQLite), or the database's size on the server, in bytes.</summary>
    public long DatabaseBytes
    {
        get
        {
            if (!IsPostgres)
            {
                return new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
            }

            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <summary>A connection for the checks (read-only on SQLite), with the key to read what is encrypted.</summary>
    public CheckedDatabase OpenReadOnly()
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return new CheckedDatabase(connection, new FieldProtector(KeyFiles.Read(KeyPath)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Keep)
        {
            return;
        }

        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(_postgresAdmin);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping process; the OS temp cleaner takes it.
        }
    }
}

/// <summary>The database as the checks read it: a connection and the bot's key.</summary>
internal sealed class CheckedDatabase(DbConnection connection, FieldProtector protector) : IDisposable
{
    public DbConnection Connection { get; } = connection;

    public FieldProtector Protector { get; } = protector;

    public DbCommand CreateCommand() => Connection.CreateCommand();

    public void Dispose() => Connection.Dispose();
}
