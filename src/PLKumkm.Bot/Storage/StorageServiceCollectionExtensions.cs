using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Storage;

internal static class StorageServiceCollectionExtensions
{
    public const string ConnectionName = "Bot";
    public const string DefaultConnectionString = "Data Source=data/plkumkm.db";

    /// <summary>EF Core on SQLite (WAL), migrated and seeded at start-up before any channel runs.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(ConnectionName) ?? DefaultConnectionString)
            .Validate(o => StorageOptions.IsValid(o.ConnectionString),
                $"ConnectionStrings:{ConnectionName} must be a SQLite connection string with a Data Source, e.g. '{DefaultConnectionString}'")
            .ValidateOnStart();
        services.AddOptions<DataProtectionOptions>()
            .Bind(configuration.GetSection(DataProtectionOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataProtectionOptions>, DataProtectionOptionsValidator>();
        services.AddSingleton<ConfiguredKey>();
        services.AddSingleton(sp => sp.GetRequiredService<ConfiguredKey>().Protector);
        services.AddSingleton<ProtectionMarker>();
        services.AddDbContext<BotDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString)
                .UseFieldProtection(sp.GetRequiredService<FieldProtector>())
                .AddInterceptors(SqliteConnectionSetup.Instance)
                // Candidate look-ups take "any N" on purpose (each candidate is checked afterwards); the advice to
                // add an OrderBy is for developers, not an operator's log or the console chat.
                .ConfigureWarnings(w => w.Log((CoreEventId.RowLimitingOperationWithoutOrderByWarning, LogLevel.Debug))));
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        services.AddHostedService<WalCheckpointService>();
        return services;
    }
}

internal sealed class StorageOptions
{
    public string ConnectionString { get; set; } = StorageServiceCollectionExtensions.DefaultConnectionString;

    public static bool IsValid(string? connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
