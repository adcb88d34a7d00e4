using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using PLKumkm.Bot.Storage.PostgreSql;

namespace PLKumkm.Bot.Storage.Protection;

internal sealed record RotationResult(string OldKeyId, string NewKeyId, long Values, string KeyFile);

/// <summary>
/// <c>keys rotate</c>: every protected value re-encrypted and every hash recomputed under a new key, with the bot
/// stopped (the database is held exclusively for the whole pass; a running bot makes it fail at once). On PostgreSQL
/// (no such lock): the start-up lock is held for the whole pass, so a bot starting meanwhile waits before it reads its
/// key, and any other session on the database (a running bot, idle or not) refuses the rotation.
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
        // The lock first: a refusal (the bot still running) must leave no key file behind.
        var (connection, stored) = DatabaseProviders.Of(connectionString) == DatabaseProvider.PostgreSql ? OpenAlone() : OpenExclusive();
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
            mark.CommandText = "UPDATE data_protection SET \"KeyId\" = @id, \"SetAt\" = @at WHERE \"Id\" = 1";
            Add(mark, "@id", fresh.KeyId);
            Add(mark, "@at", new DateTimeOffsetToBinaryConverterWithUtc().ConvertToProvider(clock.GetUtcNow())!);
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
    private (DbConnection Connection, string StoredKeyId) OpenExclusive()
    {
        SqliteConnection.ClearAllPools();
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

    /// <summary>
    /// PostgreSQL: this session takes the start-up lock (a bot starting waits there, before it reads its key, until this
    /// connection closes), then finds no other session on the database; one there (a running bot, or any other client)
    /// refuses the rotation.
    /// </summary>
    private (DbConnection Connection, string StoredKeyId) OpenAlone()
    {
        // This process's own idle connections are not another client.
        NpgsqlConnection.ClearAllPools();
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            connection.Open();
            using (var locking = new NpgsqlCommand($"SELECT pg_try_advisory_lock({PostgresStartup.StartupLock})", connection))
            {
                if (locking.ExecuteScalar() is not true)
                {
                    throw InUse("a bot is starting");
                }
            }

            using (var others = new NpgsqlCommand(
                "SELECT count(*), string_agg(DISTINCT COALESCE(NULLIF(application_name, ''), 'unnamed') || '@' || COALESCE(host(client_addr), 'local'), ', ') " +
                "FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()", connection))
            using (var reader = others.ExecuteReader())
            {
                reader.Read();
                if (reader.GetInt64(0) > 0)
                {
                    throw InUse($"{reader.GetInt64(0)} other session(s): {reader.GetString(1)}");
                }
            }

            return (connection, StoredKeyId(connection));
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        static DataProtectionException InUse(string who) =>
            new($"the database is in use ({who}): stop the bot (and any other command or client using the database) before `keys rotate`");
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string StoredKeyId(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"KeyId\" FROM data_protection WHERE \"Id\" = 1";
        return command.ExecuteScalar() as string
            ?? throw new DataProtectionException("the database has no data protection key yet: start the bot once before rotating");
    }
}
