using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Tests;

/// <summary>The host the command-line verbs run in (no channel), on a fresh test database.</summary>
/// <remarks>
/// Every test starts from a copy of one database migrated and seeded once per run, and shares the
/// process's region catalog: seeding 92,000 regions per test would dominate the suite's time.
/// </remarks>
internal sealed class ToolHost : IAsyncDisposable
{
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private ToolHost(TestDatabase database, IHost host)
    {
        Database = database;
        Host = host;
    }

    public TestDatabase Database { get; }

    public IHost Host { get; }

    public static async Task<ToolHost> StartAsync(TestDatabase? database = null)
    {
        database ??= new TestDatabase();
        await CopyTemplateAsync(database);
        var host = Build(database);
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return new ToolHost(database, host);
    }

    /// <summary>Fills <paramref name="database"/> with a migrated, seeded copy (for tests that start their own host on it).</summary>
    /// <remarks>The template is encrypted with <see cref="TestDatabase.SharedKey"/>: a database given its own key cannot use it.</remarks>
    public static async Task CopyTemplateAsync(TestDatabase database)
    {
        if (database.PostgresDatabase is { } name)
        {
            await PostgresServer.CopyTemplateAsync(name);
            return;
        }

        File.Copy(await Template.Value, database.Path, overwrite: true);
    }

    /// <summary>Runs <paramref name="work"/> in its own scope, as a verb or an update does.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public string WriteFile(string name, string content)
    {
        var path = System.IO.Path.Combine(Database.Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Task.CompletedTask;
        Database.Dispose();
    }

    private static IHost Build(TestDatabase database) =>
        BotHost.Build(HostMode.Tool, [database.ConfigArg], b => b.Services.AddSingleton(RegionCatalog.Shared));

    private static async Task<string> CreateTemplateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("plkumkm-template-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleaner.
            }
        };
        var path = System.IO.Path.Combine(folder.FullName, "template.db");
        TestDatabase.WriteSharedKey(System.IO.Path.ChangeExtension(path, ".key"));
        var connection = $"Data Source={path}";
        using (var host = BotHost.Build(HostMode.Tool, [$"--ConnectionStrings:Bot={connection}"], b => b.Services.AddSingleton(RegionCatalog.Shared)))
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        // Fold the write-ahead log into the file so copying the file alone copies everything.
        await using (var sqlite = new SqliteConnection(connection))
        {
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearPool(new SqliteConnection(connection));
        return path;
    }
}
