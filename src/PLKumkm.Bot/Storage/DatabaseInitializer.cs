using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.PostgreSql;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Storage;

/// <summary>
/// Creates the data folder (0700) and database file (0600) (SQLite) or the database (PostgreSQL), applies the checked-in
/// migrations of the provider, switches SQLite to WAL,
/// checks the data protection key against the database and loads the bundled region data once. Runs first at start-up
/// (and before every command-line verb).
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<StorageOptions> options,
    RegionCatalog regions,
    ProtectionMarker protection,
    TimeProvider clock,
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

            var postgres = options.Value.Provider == DatabaseProvider.PostgreSql;
            if (!postgres)
            {
                EnsureFiles(options.Value.ConnectionString);
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            if (postgres)
            {
                await PostgresStartup.EnsureDatabaseAsync(db, cancellationToken);
            }

            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                if (postgres)
                {
                    // Instances starting together take turns: one migrates and seeds, the next finds it done.
                    await PostgresStartup.LockAsync(db, cancellationToken);
                }
                else
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                    await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", cancellationToken);
                }

                await db.Database.MigrateAsync(cancellationToken);
                await protection.EnsureAsync(db, clock, cancellationToken);
                await RegionSeeder.SeedAsync(db, regions, cancellationToken);
            }
            finally
            {
                // Closing the connection ends the session's advisory lock too (it is not returned to the pool locked).
                if (postgres)
                {
                    await PostgresStartup.UnlockAsync(db);
                }

                await db.Database.CloseConnectionAsync();
            }

            LogReady(options.Value.Provider);
            _done = true;
        }
        finally
        {
            _once.Release();
        }
    }

    /// <summary>
    /// The folder and an empty database file are created owner-only before SQLite opens it: SQLite gives its -wal and
    /// -shm files the database file's mode. Files left 0644 by an earlier version are tightened.
    /// </summary>
    private static void EnsureFiles(string connectionString)
    {
        if (KeyFiles.DatabaseFile(connectionString) is not { } file)
        {
            return;
        }

        OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(file)!);
        if (!File.Exists(file))
        {
            try
            {
                OwnerOnlyFiles.Create(file, FileMode.CreateNew).Dispose();
            }
            catch (IOException) when (File.Exists(file))
            {
                // Created meanwhile by another process on the same database.
            }
        }

        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            OwnerOnlyFiles.Tighten(path);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}: migrated, regions loaded)")]
    private partial void LogReady(DatabaseProvider provider);
}
