using Npgsql;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Protection;
using Microsoft.Extensions.DependencyInjection;

namespace PLKumkm.Bot.Tests;

/// <summary>
/// The PostgreSQL server the tests may use: an admin connection string in <c>PLKUMKM_TEST_POSTGRES</c> (no database;
/// <c>.ci/run</c> starts a throw-away server and sets it). Without it the PostgreSQL tests are skipped and say why;
/// with <c>PLKUMKM_REQUIRE_POSTGRES=1</c> (CI) they fail instead. Each test gets its own database, copied from one
/// migrated and seeded once per run.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "PLKUMKM_TEST_POSTGRES";
    public const string RequiredVariable = "PLKUMKM_REQUIRE_POSTGRES";

    private static readonly string Run = Guid.NewGuid().ToString("N")[..8];
    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);
    private static int _databases;

    public static string? Admin => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    private static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) is "1" or "true";

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can (or must: then a missing server fails them).</summary>
    public static string? SkipReason => Admin is not null || Required
        ? null
        : $"no PostgreSQL server for the tests: set {Variable} to an admin connection string (e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\"); .ci/run starts one and sets it";

    /// <summary>Skips the calling <c>[SkippableFact]</c> when there is no server.</summary>
    public static void SkipUnlessAvailable() => Skip.If(SkipReason is not null, SkipReason);

    /// <summary>A new database name on the server (not created yet: a host's start-up or <see cref="CopyTemplateAsync"/> does).</summary>
    public static string NewDatabaseName() => $"plk_{Run}_{Interlocked.Increment(ref _databases)}";

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminOrThrow()) { Database = database, IncludeErrorDetail = true, MaxPoolSize = 20 }.ToString();

    /// <summary>Makes <paramref name="database"/> a copy of the migrated, seeded template (a file copy on the server).</summary>
    public static async Task CopyTemplateAsync(string database)
    {
        var template = await Template.Value;
        await CreateAsync(database, template);
    }

    public static void Drop(string database)
    {
        if (Admin is null)
        {
            return;
        }

        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(database)));
        using var connection = new NpgsqlConnection(AdminOrThrow());
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    private static string AdminOrThrow() => Admin
        ?? throw new InvalidOperationException($"{RequiredVariable} is set, so the PostgreSQL tests must run, but {Variable} names no server");

    private static async Task CreateAsync(string database, string? template)
    {
        // One copy at a time: PostgreSQL refuses to copy a template another CREATE DATABASE is reading.
        await Creating.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(AdminOrThrow());
            await connection.OpenAsync();
            var from = template is null ? "" : $" TEMPLATE \"{template}\" STRATEGY FILE_COPY";
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"{from}", connection);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            Creating.Release();
        }
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var name = $"plk_{Run}_template";
        var folder = Directory.CreateTempSubdirectory("plkumkm-pg-template-");
        var key = Path.Combine(folder.FullName, "template.key");
        TestDatabase.WriteSharedKey(key);
        await CreateAsync(name, null);
        using (var host = BotHost.Build(HostMode.Tool, [$"--ConnectionStrings:Bot={ConnectionString(name)}", $"--DataProtection:KeyFile={key}"],
                   b => b.Services.AddSingleton(RegionCatalog.Shared)))
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        // A template must have no connection open while it is copied.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Drop(name);
                folder.Delete(recursive: true);
            }
            catch (Exception e) when (e is NpgsqlException or IOException)
            {
                // A throw-away server: whatever is left goes with it.
            }
        };
        return name;
    }
}
