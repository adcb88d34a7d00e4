using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PLKumkm.Bot.Storage.PostgreSql;

/// <summary>What start-up does on PostgreSQL before the migrations: the database made when missing, and one instance at a time.</summary>
internal static class PostgresStartup
{
    /// <summary>The advisory lock key of start-up (any fixed number; "PLKUMKM" in letters' positions).</summary>
    internal const long StartupLock = 16_12_11_21_13_11_13;

    public static async Task EnsureDatabaseAsync(BotDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it meanwhile.
        }
    }

    /// <summary>Waits for other instances' start-up, then makes the history table if missing: EF's migrator otherwise reads it
    /// first and logs that failure as an error on every new database (npgsql/efcore.pg#3407).</summary>
    public static async Task LockAsync(BotDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartupLock})", ct);
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
    }

    public static Task UnlockAsync(BotDbContext db) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartupLock})", CancellationToken.None);
}
