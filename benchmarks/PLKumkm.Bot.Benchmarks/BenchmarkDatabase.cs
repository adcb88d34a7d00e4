using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Benchmarks;

/// <summary>A scratch folder under the system temp folder with a migrated bot database and the bot's own services.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private BenchmarkDatabase(DirectoryInfo folder, IHost host)
    {
        Folder = folder;
        Host = host;
    }

    public DirectoryInfo Folder { get; }

    public IHost Host { get; }

    public string DatabasePath => Path.Combine(Folder.FullName, "bench.db");

    public static async Task<BenchmarkDatabase> CreateAsync(string? folder = null)
    {
        var dir = folder is null ? Directory.CreateTempSubdirectory("plkumkm-bench-") : Directory.CreateDirectory(folder);
        var host = BotHost.Build(HostMode.Tool, [$"--ConnectionStrings:Bot=Data Source={Path.Combine(dir.FullName, "bench.db")}"]);
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return new BenchmarkDatabase(dir, host);
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaner.
        }
    }
}
