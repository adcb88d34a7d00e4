using System.Threading.Channels;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// The one queue everything that sends from the outbox goes through, worked off in the order it was queued: committed
/// batches (queued inside the write gate right after their commit, so in commit order), stalled chats' backlogs and
/// retries. A channel can go on with its next batch while the previous one's replies are still being sent, and one
/// chat's replies stay in order without any per-chat bookkeeping. Stopping ends what is running and what waits, so
/// no caller hangs; their replies stay unsent in the outbox for the next start.
/// </summary>
internal sealed partial class DeliveryLane(
    Func<IReadOnlyList<OutboxMessage>, CancellationToken, Task> deliverCommitted,
    ILogger logger) : IAsyncDisposable
{
    private readonly Channel<LaneWork> _queue = Channel.CreateUnbounded<LaneWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startLock = new();
    private Task? _loop;

    /// <summary>Completes when the replies have been through the lane (sent, or left for a retry).</summary>
    public Task QueueCommitted(IReadOnlyList<OutboxMessage> messages) => Queue(new LaneWork.Deliver(messages));

    /// <summary>Runs <paramref name="work"/> in its turn; returns what it counted (replies sent).</summary>
    public async Task<int> RunAsync(Func<CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var queued = new LaneWork.Counted(work);
        await Queue(queued).WaitAsync(cancellationToken);
        return queued.Count;
    }

    /// <summary>Completes when everything queued so far has been through the lane.</summary>
    public Task FlushAsync() => Queue(new LaneWork.Barrier());

    private Task Queue(LaneWork work)
    {
        EnsureRunning();
        if (!_queue.Writer.TryWrite(work))
        {
            work.Done.TrySetCanceled();
        }

        return work.Done.Task;
    }

    private void EnsureRunning()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _loop ??= Task.Run(() => RunLoopAsync(_stopping.Token));
        }
    }

    private async Task RunLoopAsync(CancellationToken stopping)
    {
        var reader = _queue.Reader;
        // What the lane is working on; cancelled with the rest if the lane is stopped in the middle of it.
        var running = new List<LaneWork>();
        try
        {
            while (await reader.WaitToReadAsync(stopping))
            {
                while (reader.TryPeek(out var next))
                {
                    if (next is LaneWork.Deliver)
                    {
                        // Consecutive committed batches go out together, still in commit order per chat.
                        var batches = new List<LaneWork.Deliver>();
                        while (reader.TryPeek(out var more) && more is LaneWork.Deliver deliver && reader.TryRead(out _))
                        {
                            batches.Add(deliver);
                        }

                        running.AddRange(batches);
                        await RunSafelyAsync(running, () => deliverCommitted([.. batches.SelectMany(b => b.Messages)], stopping));
                        running.Clear();
                        continue;
                    }

                    reader.TryRead(out _);
                    running.Add(next);
                    await RunSafelyAsync(running, async () =>
                    {
                        if (next is LaneWork.Counted counted)
                        {
                            counted.Count = await counted.Work(stopping);
                        }
                    });
                    running.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: what is still queued stays unsent in the outbox and goes out after the next start.
        }

        foreach (var work in running)
        {
            work.Done.TrySetCanceled();
        }

        while (reader.TryRead(out var left))
        {
            left.Done.TrySetCanceled();
        }
    }

    private async Task RunSafelyAsync(IReadOnlyList<LaneWork> works, Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Unsent replies stay in the outbox for the next retry pass; the lane itself goes on.
            LogLaneFailed(e);
        }

        foreach (var work in works)
        {
            work.Done.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _queue.Writer.TryComplete();
        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    /// <summary>One piece of work for the lane; <see cref="Done"/> completes when the lane has finished it.</summary>
    private abstract class LaneWork
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public sealed class Deliver(IReadOnlyList<OutboxMessage> messages) : LaneWork
        {
            public IReadOnlyList<OutboxMessage> Messages { get; } = messages;
        }

        /// <summary>A stalled chats' pass or a retry, which reports how many replies it sent.</summary>
        public sealed class Counted(Func<CancellationToken, Task<int>> work) : LaneWork
        {
            public Func<CancellationToken, Task<int>> Work { get; } = work;

            public int Count { get; set; }
        }

        public sealed class Barrier : LaneWork;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox delivery round failed; its unsent replies wait for the next retry pass")]
    private partial void LogLaneFailed(Exception exception);
}
