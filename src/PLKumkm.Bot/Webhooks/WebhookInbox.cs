using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Webhooks;

/// <summary>
/// The durable queue between the webhook routes and the pipeline: a route stores the authenticated body
/// here and answers 200 at once; <see cref="WebhookInboxService"/> processes it afterwards.
/// </summary>
internal sealed class WebhookInbox(IServiceScopeFactory scopes, WriteGate gate, TimeProvider clock)
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Stores the body (committed when this returns) and wakes the processing service.</summary>
    public async Task EnqueueAsync(string channel, string payload, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            db.WebhookInbox.Add(new WebhookInboxItem { Channel = channel, Payload = payload, ReceivedAt = clock.GetUtcNow() });
            using (await gate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        Pulse();
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
}
