using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Storage;

/// <summary>
/// Moves SQLite's WAL checkpoints off the update path: left to itself SQLite checkpoints inside whichever commit
/// crosses 1,000 WAL pages, and that commit (with every update of its batch waiting for the reply) then copies
/// the pages and syncs the database file. A passive checkpoint every second from this separate connection does
/// the same work beside the writers and never blocks them; the automatic one stays as a fallback.
/// </summary>
internal sealed partial class WalCheckpointService(IOptions<StorageOptions> options, ILogger<WalCheckpointService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var connection = new SqliteConnection(options.Value.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                {
                    try
                    {
                        if (connection.State != System.Data.ConnectionState.Open)
                        {
                            await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                        }

                        using var command = connection.CreateCommand();
                        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                        await command.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                    }
                    catch (SqliteException e)
                    {
                        // Busy or a transient I/O error: the next tick (or SQLite's own checkpoint) catches up.
                        LogCheckpointFailed(e.SqliteErrorCode);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "WAL checkpoint skipped (SQLite error {ErrorCode})")]
    private partial void LogCheckpointFailed(int errorCode);
}
