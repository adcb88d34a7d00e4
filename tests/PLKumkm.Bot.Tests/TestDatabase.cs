using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Tests;

/// <summary>
/// A fresh SQLite file in a temporary folder, deleted afterwards, with its data protection key file beside it (where
/// a host on it looks): the same test key for every test database (<see cref="SharedKey"/>), so the suite builds one EF
/// model, not one per test; <c>withKey: false</c> leaves the key for the host to create.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    /// <summary>The key of every test database made with a key (fixed bytes: for tests only).</summary>
    public static readonly byte[] SharedKey = [.. Enumerable.Range(1, FieldProtector.KeySize).Select(i => (byte)(i * 7))];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("plkumkm-test-");

    public TestDatabase(bool withKey = true)
    {
        if (withKey)
        {
            WriteSharedKey(KeyPath);
        }
    }

    public string Path => System.IO.Path.Combine(_folder.FullName, "bot.db");

    /// <summary>Where a host on this database finds its key by default.</summary>
    public string KeyPath => System.IO.Path.ChangeExtension(Path, ".key");

    public string ConnectionString => $"Data Source={Path}";

    public string ConfigArg => $"--ConnectionStrings:Bot={ConnectionString}";

    public string Folder => _folder.FullName;

    /// <summary>A context with the key a host on this database uses (its key file).</summary>
    public BotDbContext Open() => Open(new FieldProtector(KeyFiles.ReadOrCreate(KeyPath)));

    public BotDbContext Open(FieldProtector protector) =>
        new(new DbContextOptionsBuilder<BotDbContext>().UseSqlite(ConnectionString).UseFieldProtection(protector).Options);

    /// <summary>The key from the key file beside the database.</summary>
    public FieldProtector Protector() => new(KeyFiles.Read(KeyPath));

    public static void WriteSharedKey(string path) => KeyFiles.Write(path, SharedKey);

    public void Dispose()
    {
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
