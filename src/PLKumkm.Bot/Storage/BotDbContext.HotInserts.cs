using Microsoft.EntityFrameworkCore;

namespace PLKumkm.Bot.Storage;

internal partial class BotDbContext
{
    private readonly Dictionary<Type, object> _hotInserts = [];
    private readonly Dictionary<Type, object> _hotUpdates = [];
    private bool _hotCommandsFollowConnection;

    /// <summary>This context's reused INSERT of <typeparamref name="T"/> rows (see <see cref="HotInsert{T}"/>).</summary>
    public Task InsertUntrackedAsync<T>(T row, CancellationToken ct)
        where T : class
    {
        if (!_hotInserts.TryGetValue(typeof(T), out var insert))
        {
            FollowConnection();
            _hotInserts[typeof(T)] = insert = new HotInsert<T>(this);
        }

        return ((HotInsert<T>)insert).InsertAsync(this, row, ct);
    }

    /// <summary>Writes <paramref name="entry"/>'s pending changes through this context's reused UPDATE of
    /// <paramref name="properties"/> when they are all it has (see <see cref="HotUpdate{T}"/>); false leaves them to
    /// <c>SaveChanges</c>.</summary>
    public Task<bool> TryUpdateHotAsync<T>(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<T> entry, IReadOnlyList<string> properties,
        CancellationToken ct)
        where T : class
    {
        if (!_hotUpdates.TryGetValue(typeof(T), out var update))
        {
            FollowConnection();
            _hotUpdates[typeof(T)] = update = new HotUpdate<T>(this, properties);
        }

        return ((HotUpdate<T>)update).TryUpdateAsync(this, entry, ct);
    }

    /// <summary>
    /// The reused commands live only as long as the connection stays open. Closed (EF closes it after a transaction it
    /// opened), its native connection goes back to the pool and may serve another context next, while Microsoft.Data.Sqlite
    /// no longer finalises a reused command's statements with it: they would run on that other context's connection.
    /// </summary>
    private void FollowConnection()
    {
        if (!_hotCommandsFollowConnection)
        {
            Database.GetDbConnection().StateChange += (_, e) =>
            {
                if (e.CurrentState == System.Data.ConnectionState.Closed)
                {
                    DisposeHotCommands();
                }
            };
            _hotCommandsFollowConnection = true;
        }
    }

    private void DisposeHotCommands()
    {
        foreach (var command in _hotInserts.Values.Concat(_hotUpdates.Values))
        {
            ((IDisposable)command).Dispose();
        }

        _hotInserts.Clear();
        _hotUpdates.Clear();
    }

    public override async ValueTask DisposeAsync()
    {
        await DisposeHotInsertsAsync();
        await base.DisposeAsync();
    }

    public override void Dispose()
    {
        DisposeHotCommands();
        base.Dispose();
    }

    private async ValueTask DisposeHotInsertsAsync()
    {
        foreach (var insert in _hotInserts.Values.Concat(_hotUpdates.Values))
        {
            await ((IAsyncDisposable)insert).DisposeAsync();
        }

        _hotInserts.Clear();
        _hotUpdates.Clear();
    }
}
