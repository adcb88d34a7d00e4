namespace PLKumkm.Bot.Storage;

internal partial class BotDbContext
{
    private readonly Dictionary<Type, object> _hotInserts = [];

    /// <summary>This context's reused INSERT of <typeparamref name="T"/> rows (see <see cref="HotInsert{T}"/>).</summary>
    public Task InsertUntrackedAsync<T>(T row, CancellationToken ct)
        where T : class
    {
        if (!_hotInserts.TryGetValue(typeof(T), out var insert))
        {
            _hotInserts[typeof(T)] = insert = new HotInsert<T>(this);
        }

        return ((HotInsert<T>)insert).InsertAsync(this, row, ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await DisposeHotInsertsAsync();
        await base.DisposeAsync();
    }

    public override void Dispose()
    {
        foreach (var insert in _hotInserts.Values)
        {
            ((IDisposable)insert).Dispose();
        }

        _hotInserts.Clear();
        base.Dispose();
    }

    private async ValueTask DisposeHotInsertsAsync()
    {
        foreach (var insert in _hotInserts.Values)
        {
            await ((IAsyncDisposable)insert).DisposeAsync();
        }

        _hotInserts.Clear();
    }
}
