namespace PLKumkm.Bot.Messaging;

/// <summary>
/// SQLite has one writer at a time; queueing writers in-process is cheaper and fairer than letting
/// them spin on SQLITE_BUSY, and keeps each update's read-then-write consistent. PostgreSQL takes writers at once
/// (row locks), and other instances write beside this one anyway, so there the gate stands open: what must not
/// happen twice is decided by the database (claims, atomic upserts, unique keys), never by this gate.
/// </summary>
internal sealed class WriteGate(Storage.BotInstance? instance = null) : IDisposable
{
    private static readonly IDisposable Open = new Releaser(null);
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Open on PostgreSQL is the goal (see the summary); kept closed until the two-instance webhook fault run passes with
    // it open (7 December: a chat's questionnaire went wrong after a kill; issue 16's notes).
    private readonly bool _open = instance?.Shared == true && OpenOnPostgreSql;

    /// <summary>Off until the fault run passes with it (see above).</summary>
    internal const bool OpenOnPostgreSql = false;

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (_open)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Open;
        }

        await _gate.WaitAsync(cancellationToken);
        return new Releaser(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Releaser(SemaphoreSlim? gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (gate is not null && Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
