using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.PostgreSql;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Tests;

/// <summary>
/// A fresh database for one test, deleted afterwards: a SQLite file in a temporary folder with its data protection key
/// file beside it (where a host on it looks), or, in the PostgreSQL test assembly (<see cref="DefaultProvider"/>), a
/// database of its own on the test server (<see cref="PostgresServer"/>). The same test key for every test database
/// (<see cref="SharedKey"/>), so the suite builds one EF model, not one per test; <c>withKey: false</c> leaves the key
/// for the host to create (SQLite only).
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    /// <summary>The key of every test database made with a key (fixed bytes: for tests only).</summary>
    public static readonly byte[] SharedKey = [.. Enumerable.Range(1, FieldProtector.KeySize).Select(i => (byte)(i * 7))];

#if POSTGRES
    public const DatabaseProvider DefaultProvider = DatabaseProvider.PostgreSql;
#else
    public const DatabaseProvider DefaultProvider = DatabaseProvider.Sqlite;
#endif

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("plkumkm-test-");
    private readonly string? _postgres;

    public TestDatabase(bool withKey = true, DatabaseProvider provider = DefaultProvider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.PostgreSql)
        {
            _postgres = PostgresServer.NewDatabaseName();
            WriteSharedKey(KeyPath);
        }
        else if (withKey)
        {
            WriteSharedKey(KeyPath);
        }
    }

    public DatabaseProvider Provider { get; }

    public bool IsPostgres => _postgres is not null;

    /// <summary>The SQLite file (for PostgreSQL a path nothing is stored at).</summary>
    public string Path => System.IO.Path.Combine(_folder.FullName, "bot.db");

    /// <summary>Where a host on this database finds its key by default (on PostgreSQL <c>data/NAME.key</c> in the working folder).</summary>
    public string KeyPath => _postgres is null ? System.IO.Path.ChangeExtension(Path, ".key") : KeyFiles.DefaultPath(ConnectionString)!;

    /// <summary>Where a host on this database keeps photos by default.</summary>
    public string MediaFolder => Bot.Media.MediaStore.ResolveFolder(new Bot.Media.MediaOptions(), ConnectionString);

    public string ConnectionString => _postgres is { } name ? PostgresServer.ConnectionString(name) : $"Data Source={Path}";

    public string ConfigArg => $"--ConnectionStrings:Bot={ConnectionString}";

    public string Folder => _folder.FullName;

    /// <summary>The PostgreSQL database's name (null on SQLite).</summary>
    public string? PostgresDatabase => _postgres;

    /// <summary>A context with the key a host on this database uses (its key file).</summary>
    public BotDbContext Open() => Open(new FieldProtector(KeyFiles.ReadOrCreate(KeyPath)));

    public BotDbContext Open(FieldProtector protector)
    {
        if (_postgres is not null)
        {
            var options = new DbContextOptionsBuilder<PostgresBotDbContext>().UseNpgsql(ConnectionString);
            options.UseFieldProtection(protector);
            return new PostgresBotDbContext(options.Options);
        }

        return new(new DbContextOptionsBuilder<BotDbContext>().UseSqlite(ConnectionString).UseFieldProtection(protector).Options);
    }

    /// <summary>The key from the key file beside the database.</summary>
    public FieldProtector Protector() => new(KeyFiles.Read(KeyPath));

    public static void WriteSharedKey(string path) => KeyFiles.Write(path, SharedKey);

    public void Dispose()
    {
        if (_postgres is not null)
        {
            PostgresServer.Drop(_postgres);
            File.Delete(KeyPath);
            if (Directory.Exists(MediaFolder))
            {
                Directory.Delete(MediaFolder, recursive: true);
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing host; the OS temp cleaner takes it.
        }
    }
}
