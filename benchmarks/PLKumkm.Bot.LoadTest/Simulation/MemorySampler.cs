namespace PLKumkm.Bot.LoadTest.Simulation;

/// <summary>Samples this process's working set and GC heap every 100 ms and keeps the peaks.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakWorkingSet;
    private long _peakHeap;

    public MemorySampler(Func<long>? external = null)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Sample(external);
                try
                {
                    await Task.Delay(250, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    public long PeakHeap => Interlocked.Read(ref _peakHeap);

    private void Sample(Func<long>? external)
    {
        var workingSet = external?.Invoke() ?? Environment.WorkingSet;
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
        if (workingSet > _peakWorkingSet)
        {
            Interlocked.Exchange(ref _peakWorkingSet, workingSet);
        }

        if (heap > _peakHeap)
        {
            Interlocked.Exchange(ref _peakHeap, heap);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
