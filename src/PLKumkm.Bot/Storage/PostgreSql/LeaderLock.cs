using Microsoft.Extensions.Options;
using Npgsql;

namespace PLKumkm.Bot.Storage.PostgreSql;

/// <summary>
/// Work that must run in exactly one instance at a time (Telegram long polling: Telegram gives updates to one poller).
/// On PostgreSQL a session advisory lock held on a connection of its own: the others wait; when the holder dies its
/// connection closes and the lock passes on within seconds. On SQLite there is one bot process: held at once.
/// </summary>
internal sealed partial class LeaderLock(IOptions<StorageOptions> storage, ILogger<LeaderLock> logger)
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    /// <summary>Waits until this instance holds <paramref name="name"/>; dispose the result to let it go.</summary>
    public async Task<Leadership> AcquireAsync(string name, CancellationToken ct)
    {
        if (storage.Value.Provider != DatabaseProvider.PostgreSql)
        {
            return new Leadership(null, ct);
        }

        var key = Key(name);
        var waiting = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString) { Pooling = false }.ToString());
            try
            {
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                if (await command.ExecuteScalarAsync(ct) is true)
                {
                    LogAcquired(name);
                    return new Leadership(connection, ct, () => LogLost(name));
                }

                if (!waiting)
                {
                    LogStandingBy(name);
                    waiting = true;
                }
            }
            catch (NpgsqlException e)
            {
                LogUnavailable(name, e.GetType().Name);
            }

            await connection.DisposeAsync();
            await Task.Delay(Retry, ct);
        }
    }

    /// <summary>A stable 64-bit key for a name (FNV-1a): the same in every instance and every version.</summary>
    private static long Key(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance now runs {Work}")]
    private partial void LogAcquired(string work);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance runs {Work}; this one stands by")]
    private partial void LogStandingBy(string work);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database connection holding {Work} was lost; stopping it here until it can be taken again")]
    private partial void LogLost(string work);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the database who runs {Work} ({Failure}); asking again shortly")]
    private partial void LogUnavailable(string work, string failure);
}

/// <summary>Held until disposed; <see cref="Lost"/> fires when the lock's connection breaks (another instance may take it then).</summary>
internal sealed class Leadership : IAsyncDisposable
{
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(2);
    private readonly NpgsqlConnection? _connection;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop;
    private readonly Task _watch;

    public Leadership(NpgsqlConnection? connection, CancellationToken ct, Action? onLost = null)
    {
        _connection = connection;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _watch = connection is null ? Task.CompletedTask : WatchAsync(onLost);
    }

    public CancellationToken Lost => _lost.Token;

    private async Task WatchAsync(Action? onLost)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Check, _stop.Token);
                await using var command = new NpgsqlCommand("SELECT 1", _connection);
                await command.ExecuteScalarAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Released.
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            onLost?.Invoke();
            await _lost.CancelAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watch;
        if (_connection is not null)
        {
            // Closing the session releases its advisory locks.
            await _connection.DisposeAsync();
        }

        _stop.Dispose();
        _lost.Dispose();
    }
}
