using Microsoft.Data.Sqlite;

namespace PLKumkm.Bot.LoadTest.Targets;

/// <summary>A temporary folder with the bot's database, deleted at the end unless kept for inspection.</summary>
internal sealed class Workspace : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("plkumkm-load-");

    public string Folder => _folder.FullName;

    public string DatabasePath => Path.Combine(Folder, "bot.db");

    public bool Keep { get; set; }

    /// <summary>Database plus write-ahead log, in bytes.</summary>
    public long DatabaseBytes =>
        new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    /// <summary>A read-only connection: the checks look, never touch.</summary>
    public SqliteConnection OpenReadOnly()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Keep)
        {
            return;
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
