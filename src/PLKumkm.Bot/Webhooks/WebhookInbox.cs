using System.Collections.Concurrent;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Webhooks;

/// <summary>
/// The durable queue between the webhook routes and the pipeline: a route stores the authenticated body
/// here and answers 200 once it is committed; <see cref="WebhookInboxService"/> processes it afterwards.
/// Bodies posted at the same moment are stored together in one transaction (one writer at a time; whoever arrives
/// while it writes is in the next round), and each stored body is handed to the drain in memory, so it need not read
/// back what was just written.
/// </summary>
internal sealed class WebhookInbox(IServiceScopeFactory scopes, WriteGate gate, TimeProvider clock)
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly object _lock = new();
    private readonly ConcurrentQueue<StoredBody> _stored = new();
    private List<Arriving> _arriving = [];
    private bool _writing;

    /// <summary>Stores the body (committed when this returns) and wakes the processing service.</summary>
    public async Task EnqueueAsync(string channel, string payload, CancellationToken cancellationToken)
    {
        var body = new Arriving(channel, payload, clock.GetUtcNow());
        bool write;
        lock (_lock)
        {
            _arriving.Add(body);
            write = !_writing;
            _writing = true;
        }

        if (write)
        {
            _ = Task.Run(WriteAllAsync, CancellationToken.None);
        }

        // The body is stored even if the caller goes away meanwhile; the caller only stops waiting.
        await body.Stored.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Bodies stored since the last call, in the order of their ids.</summary>
    public List<StoredBody> TakeStored()
    {
        var taken = new List<StoredBody>();
        while (_stored.TryDequeue(out var body))
        {
            taken.Add(body);
        }

        return taken;
    }

    private async Task WriteAllAsync()
    {
        while (true)
        {
            List<Arriving> round;
            lock (_lock)
            {
                if (_arriving.Count == 0)
                {
                    _writing = false;
                    return;
                }

                round = _arriving;
                _arriving = [];
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
                var rows = round.Select(b => new WebhookInboxItem { Channel = b.Channel, Payload = b.Payload, ReceivedAt = b.ReceivedAt }).ToList();
                db.WebhookInbox.AddRange(rows);
                using (await gate.EnterAsync(CancellationToken.None))
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                    // Handed over in id order: the next round's ids are higher, and it is written after this one.
                    for (var i = 0; i < rows.Count; i++)
                    {
                        _stored.Enqueue(new StoredBody(rows[i].Id, round[i].Channel, round[i].Payload, round[i].ReceivedAt));
                    }
                }

                round.ForEach(b => b.Stored.TrySetResult());
            }
            catch (Exception e)
            {
                // Not stored: the route answers with an error and the platform posts the body again.
                round.ForEach(b => b.Stored.TrySetException(e));
            }

            Pulse();
        }
    }

    /// <summary>Wakes whoever waits in <see cref="WaitAsync"/>; pulses while nobody waits collapse into one.</summary>
    public void Pulse()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the waiter will look at the queue anyway.
        }
    }

    /// <summary>Waits for a pulse or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _signal.WaitAsync(timeout, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the caller's loop sees the token.
        }
    }

    private sealed record Arriving(string Channel, string Payload, DateTimeOffset ReceivedAt)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A body just stored by this process, as the drain learns it without reading it back.</summary>
internal sealed record StoredBody(long Id, string Channel, string Payload, DateTimeOffset ReceivedAt);
