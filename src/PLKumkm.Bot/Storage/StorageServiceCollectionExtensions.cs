using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using PLKumkm.Bot.Storage.PostgreSql;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Storage;

internal static class StorageServiceCollectionExtensions
{
    public const string ConnectionName = "Bot";
    public const string DefaultConnectionString = "Data Source=data/plkumkm.db";

    /// <summary>EF Core on SQLite (WAL) or PostgreSQL, as the connection string says; migrated and seeded at start-up before any channel runs.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(ConnectionName) ?? DefaultConnectionString)
            .Validate(o => StorageOptions.IsValid(o.ConnectionString),
                $"ConnectionStrings:{ConnectionName} must be a SQLite connection string with a Data Source, e.g. '{DefaultConnectionString}', " +
                "or a PostgreSQL one with a Host and a Database, e.g. 'Host=db.example;Database=plkumkm;Username=plkumkm;Password=…'")
            .ValidateOnStart();
        services.AddOptions<DataProtectionOptions>()
            .Bind(configuration.GetSection(DataProtectionOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataProtectionOptions>, DataProtectionOptionsValidator>();
        services.AddSingleton<ConfiguredKey>();
        services.AddSingleton(sp => sp.GetRequiredService<ConfiguredKey>().Protector);
        services.AddSingleton<ProtectionMarker>();
        if (DatabaseProviders.Of(configuration.GetConnectionString(ConnectionName)) == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<BotDbContext, PostgresBotDbContext>((sp, options) =>
                Configure(options.UseNpgsql(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString), sp));
        }
        else
        {
            services.AddDbContext<BotDbContext>((sp, options) =>
                Configure(options.UseSqlite(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString), sp)
                    .AddInterceptors(SqliteConnectionSetup.Instance));
            services.AddHostedService<WalCheckpointService>();
        }

        services.TryAddSingleton<BotInstance>();
        services.AddSingleton<LeaderLock>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        return services;
    }

    private static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, IServiceProvider services) =>
        options.UseFieldProtection(services.GetRequiredService<FieldProtector>())
            // Candidate look-ups take "any N" on purpose (each candidate is checked afterwards); the advice to
            // add an OrderBy is for developers, not an operator's log or the console chat.
            .ConfigureWarnings(w => w.Log((CoreEventId.RowLimitingOperationWithoutOrderByWarning, LogLevel.Debug)));
}

internal sealed class StorageOptions
{
    public string ConnectionString { get; set; } = StorageServiceCollectionExtensions.DefaultConnectionString;

    public DatabaseProvider Provider => DatabaseProviders.Of(ConnectionString);

    public static bool IsValid(string? connectionString)
    {
        try
        {
            if (DatabaseProviders.Of(connectionString) == DatabaseProvider.PostgreSql)
            {
                var postgres = new NpgsqlConnectionStringBuilder(connectionString);
                return !string.IsNullOrWhiteSpace(postgres.Host) && !string.IsNullOrWhiteSpace(postgres.Database);
            }

            return !string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
