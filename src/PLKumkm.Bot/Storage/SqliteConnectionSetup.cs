using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace PLKumkm.Bot.Storage;

/// <summary>
/// <c>synchronous</c> is a per-connection setting, so it is applied to every physical connection the pool opens,
/// not once at start-up: with the default FULL every commit waits for an fsync of the WAL. NORMAL in WAL mode
/// survives a killed process (the commit is in the OS cache); only a power cut can lose the last commits.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

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
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
        Prepared.AddOrUpdate(handle, Prepared);
    }
}
