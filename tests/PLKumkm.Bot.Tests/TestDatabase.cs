using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Tests;

/// <summary>A fresh SQLite file in a temporary folder, deleted afterwards.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("plkumkm-test-");

    public string Path => System.IO.Path.Combine(_folder.FullName, "bot.db");

    public string ConnectionString => $"Data Source={Path}";

    public string ConfigArg => $"--ConnectionStrings:Bot={ConnectionString}";

    public string Folder => _folder.FullName;

    public BotDbContext Open() => new(new DbContextOptionsBuilder<BotDbContext>().UseSqlite(ConnectionString).Options);

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
