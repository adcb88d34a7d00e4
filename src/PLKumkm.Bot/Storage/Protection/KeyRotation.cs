using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PLKumkm.Bot.Storage.Protection;

internal sealed record RotationResult(string OldKeyId, string NewKeyId, long Values, string KeyFile);

/// <summary>
/// <c>keys rotate</c>: every protected value re-encrypted and every hash recomputed under a new key, with the bot
/// stopped (the database is held exclusively for the whole pass; a running bot makes it fail at once).
/// </summary>
/// <remarks>
/// Crash-safe in steps: the new key is written first as <c>KEYFILE.new</c> and the old one copied to
/// <c>KEYFILE.old</c>; the values are rewritten in batches (each value says which key made it, so a batch done twice
/// is harmless); the database's key id changes, then <c>.new</c> replaces the key file and <c>.old</c> is deleted.
/// Run again after an interruption, it finishes with the same new key. Deduplication keys of updates already
/// processed (<c>inbound_updates</c>) are one-way hashes and stay as they are: they only guard against a channel
/// redelivering an update, which it does within minutes.
/// </remarks>
internal sealed class KeyRotation(ConfiguredKey key, string connectionString, IModel model, TimeProvider clock)
{
    public const string NewSuffix = ".new";
    public const string OldSuffix = ".old";

    /// <param name="newKeyFile">Where the new key is (created there when missing); default: the key file's <c>.new</c>.</param>
    public RotationResult Rotate(string? newKeyFile, CancellationToken ct)
    {
        if (key.FilePath is null && newKeyFile is null)
        {
            throw new DataProtectionException(
                $"the key is set in {DataProtectionOptions.Section}:Key, which this command cannot change: give --new-key-file FILE, then configure {DataProtectionOptions.Section}:KeyFile=FILE");
        }

        var old = key.Protector;
        SqliteConnection.ClearAllPools();
        // The lock first: a refusal (the bot still running) must leave no key file behind.
        var (connection, stored) = OpenExclusive();
        using var _ = connection;
        var pending = Path.GetFullPath(newKeyFile ?? key.FilePath + NewSuffix);
        var fresh = new FieldProtector(KeyFiles.ReadOrCreate(pending));
        if (fresh.KeyId == old.KeyId)
        {
            throw new DataProtectionException($"{pending} holds the key already in use (key id {old.KeyId}): nothing to rotate to");
        }

        if (key.FilePath is { } current && !File.Exists(current + OldSuffix))
        {
            File.Copy(current, current + OldSuffix);
            OwnerOnlyFiles.Tighten(current + OldSuffix);
        }

        if (stored != old.KeyId && stored != fresh.KeyId)
        {
            throw new DataProtectionException($"the database is encrypted with key id {stored}, neither the configured key ({old.KeyId}) nor the new one ({fresh.KeyId})");
        }

        var values = new ProtectedDataPass(connection, model, [old, fresh], fresh).Run(ct);
        using (var mark = connection.CreateCommand())
        {
            mark.CommandText = "UPDATE data_protection SET KeyId = $id, SetAt = $at WHERE Id = 1";
            mark.Parameters.AddWithValue("$id", fresh.KeyId);
            mark.Parameters.AddWithValue("$at", new DateTimeOffsetToBinaryConverterWithUtc().ConvertToProvider(clock.GetUtcNow()));
            mark.ExecuteNonQuery();
        }

        var keyFile = pending;
        if (key.FilePath is { } file)
        {
            if (newKeyFile is null)
            {
                File.Move(pending, file, overwrite: true);
                keyFile = file;
            }

            File.Delete(file + OldSuffix);
        }

        return new RotationResult(old.KeyId, fresh.KeyId, values, keyFile);
    }

    /// <summary>
    /// Exclusive locking mode holds the database until this connection closes, and cannot be had while any other
    /// connection (a running bot, idle or not) has it open: the check that the bot is stopped and the guarantee that
    /// it stays out.
    /// </summary>
    private (SqliteConnection Connection, string StoredKeyId) OpenExclusive()
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, DefaultTimeout = 1 };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;";
            command.ExecuteNonQuery();
            // The lock is only certain once a read after the commit succeeds: do it here, so a running bot is found
            // before any key file is made.
            return (connection, StoredKeyId(connection));
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // Busy or locked: another connection has the database open.
            connection.Dispose();
            throw new DataProtectionException("the database is in use: stop the bot (and any other command using it) before `keys rotate`");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string StoredKeyId(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT KeyId FROM data_protection WHERE Id = 1";
        return command.ExecuteScalar() as string
            ?? throw new DataProtectionException("the database has no data protection key yet: start the bot once before rotating");
    }
}
