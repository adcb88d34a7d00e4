using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Storage;

/// <summary>
/// Creates the data folder, applies the checked-in migrations, switches SQLite to WAL and loads the
/// bundled region data once. Runs first at start-up (and before every command-line verb).
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<StorageOptions> options,
    RegionCatalog regions,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    public Task StartAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _once.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }

            EnsureFolder(options.Value.ConnectionString);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
                await RegionSeeder.SeedAsync(db, regions, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            LogReady();
            _done = true;
        }
        finally
        {
            _once.Release();
        }
    }

    private static void EnsureFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready (migrated, WAL, regions loaded)")]
    private partial void LogReady();
}
