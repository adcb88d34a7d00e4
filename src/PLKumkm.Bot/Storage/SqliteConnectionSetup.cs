using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace PLKumkm.Bot.Storage;

/// <summary>
/// Per-connection settings, applied to every physical connection the pool opens, not once at start-up.
/// <c>secure_delete</c> zeroes what a delete or update frees (cells, pages), so an erased person's values do not
/// linger in free space of the file, its WAL or a <c>backup</c> copy. <c>synchronous</c> is per connection too, so it is applied to every physical connection the pool opens,
/// not once at start-up: with the default FULL every commit waits for an fsync of the WAL. NORMAL in WAL mode
/// survives a killed process (the commit is in the OS cache); only a power cut can lose the last commits.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    /// <summary>For connections opened outside EF (the bulk import's own).</summary>
    public const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;";

    // Pooled connections keep their native handle; the pragma sticks to the handle.
    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = [];

    private SqliteConnectionSetup()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Prepare(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Prepare(connection);
        return Task.CompletedTask;
    }

    private static void Prepare(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || Prepared.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Prepared.AddOrUpdate(handle, Prepared);
    }
}
