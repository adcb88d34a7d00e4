using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Protection;

/// <summary>
/// Checks that the configured key is the one the database's values are encrypted with (its id is stored in
/// <c>data_protection</c>), so a wrong or lost key stops the bot at start-up with a clear reason instead of failing
/// on the first NIK it reads. A database without the row (new, or from before encryption) gets its values encrypted
/// under the configured key and the row.
/// </summary>
internal sealed partial class ProtectionMarker(ConfiguredKey key, IOptions<StorageOptions> storage, ILogger<ProtectionMarker> logger)
{
    /// <summary>Before the host starts: reads the stored key id without migrating anything (an existing database only).</summary>
    /// <exception cref="DataProtectionException">The key is not the database's.</exception>
    public void Check()
    {
        if (StoredKeyId(storage.Value.ConnectionString) is { } stored)
        {
            Verify(stored);
        }
    }

    /// <summary>The id of the key an existing database is encrypted with, read without changing anything; null when there is none yet.</summary>
    public static string? StoredKeyId(string connectionString)
    {
        if (DatabaseProviders.Of(connectionString) == DatabaseProvider.PostgreSql)
        {
            return PostgresStoredKeyId(connectionString);
        }

        var file = KeyFiles.DatabaseFile(connectionString);
        if (file is null || !File.Exists(file) || new FileInfo(file).Length == 0)
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'data_protection'";
        if (command.ExecuteScalar() is null)
        {
            return null;
        }

        command.CommandText = "SELECT KeyId FROM data_protection WHERE Id = 1";
        return command.ExecuteScalar() as string;
    }

    private static string? PostgresStoredKeyId(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The database does not exist yet: start-up creates it.
            return null;
        }

        using var command = new NpgsqlCommand("SELECT to_regclass('data_protection') IS NOT NULL", connection);
        if (command.ExecuteScalar() is not true)
        {
            return null;
        }

        command.CommandText = "SELECT \"KeyId\" FROM data_protection WHERE \"Id\" = 1";
        return command.ExecuteScalar() as string;
    }

    /// <summary>After the migrations: verifies the key, or encrypts what is stored in clear and records the key.</summary>
    public async Task EnsureAsync(BotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var marker = await db.DataProtection.AsNoTracking().FirstOrDefaultAsync(m => m.Id == DataProtectionMarker.TheRow, ct);
        if (marker is not null)
        {
            Verify(marker.KeyId);
            return;
        }

        // Values written before encryption existed (none in a new database) are encrypted now, under the current key.
        var connection = db.Database.GetDbConnection();
        var values = new ProtectedDataPass(connection, db.Model, [key.Protector], key.Protector).Run(ct);
        db.DataProtection.Add(new DataProtectionMarker { KeyId = key.Protector.KeyId, SetAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (values > 0)
        {
            LogEncrypted(values, key.Protector.KeyId);
        }
    }

    private void Verify(string stored)
    {
        if (stored == key.Protector.KeyId)
        {
            return;
        }

        var interrupted = key.FilePath is { } path && File.Exists(path + KeyRotation.NewSuffix)
            ? $" (a key rotation was interrupted: {path}{KeyRotation.NewSuffix} exists; run `keys rotate` again to finish it)"
            : "";
        throw new DataProtectionException(
            $"the data protection key ({key.Source}, key id {key.Protector.KeyId}) is not the key this database is encrypted with (key id {stored}){interrupted}; " +
            $"configure that key ({DataProtectionOptions.Section}:KeyFile or {DataProtectionOptions.Section}:Key): without it no NIK or phone number stored here can be read");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} personal values stored in clear under data protection key {KeyId}")]
    private partial void LogEncrypted(long count, string keyId);
}
