using System.Collections.Concurrent;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Webhooks;

/// <summary>
/// Drains the webhook inbox into the pipeline: one chat's updates strictly in queue order, different chats
/// in parallel, and a body is marked processed only after the pipeline has committed every update in it.
/// Unprocessed bodies (a crash, a restart) are simply still in the queue at the next start; updates already
/// handled before the crash are skipped by the pipeline's dedup on their update key.
/// </summary>
internal sealed partial class WebhookInboxService(
    WebhookInbox inbox,
    WebhookInboxStore store,
    IEnumerable<IWebhookReader> readers,
    IEnumerable<IChannelSender> senders,
    IServiceScopeFactory scopes,
    WebhookInboxSettings settings,
    TimeProvider clock,
    BotInstance instance,
    ILogger<WebhookInboxService> logger) : BackgroundService
{
    public const string Apology = "Maaf, terjadi gangguan saat memproses pesan Anda. Silakan coba lagi sebentar lagi.";

    private readonly Dictionary<string, IWebhookReader> _readers =
        readers.GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    private readonly string[] _channels = readers.Select(r => r.Channel).Distinct(StringComparer.Ordinal).ToArray();

    private readonly Dictionary<string, IChannelSender> _senders =
        senders.GroupBy(s => s.Channel).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    // All touched by the dispatch loop only; row tasks report back through their results. Known bodies in queue order.
    private readonly SortedDictionary<long, QueuedBody> _known = [];
    private readonly Dictionary<long, Task<RowResult>> _inFlight = [];

    // Bodies this instance has claimed (several instances on one database) and holds until they are done.
    private readonly HashSet<long> _claimed = [];
    private DateTimeOffset _nextRenewal = DateTimeOffset.MinValue;

    // The group commit under way until its transaction is committed (one writer): the next batch forms meanwhile.
    private Task _committing = Task.CompletedTask;

    // Another instance's posts signal only their own process: with others around, look at the queue often.
    private TimeSpan IdleCheck => instance.Shared ? settings.SharedIdleCheck : settings.IdleCheck;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = IdleCheck;
            try
            {
                wait = await DispatchAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unavailable; the queue is still there next time.
                LogDispatchFailed(e);
                wait = settings.BaseRetryDelay;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            await inbox.WaitAsync(wait, stoppingToken);
        }

        // Work cut short by shutdown is not marked; it runs again at the next start.
        await Task.WhenAll(_inFlight.Values);
    }

    /// <summary>
    /// Starts every known body whose chats are free and due: those that can share a group commit together in one
    /// batch (once the previous batch has committed, so bodies arriving meanwhile gather into the next), the others
    /// alone. Returns how long to wait before looking again.
    /// </summary>
    private async Task<TimeSpan> DispatchAsync(CancellationToken ct)
    {
        Harvest();
        await ScanAsync(ct);
        await RenewClaimsAsync(ct);

        var now = clock.GetUtcNow();
        var wait = IdleCheck;
        var busy = new HashSet<string>(_inFlight.Keys.SelectMany(id => _known[id].Chats), StringComparer.Ordinal);
        var batchOpen = _committing.IsCompleted;
        var batch = new List<QueuedBody>();
        foreach (var body in _known.Values)
        {
            if (_inFlight.ContainsKey(body.Id))
            {
                continue;
            }

            // Another instance has it: its chats are that instance's until it is done, so they stay in order.
            if (body.ClaimedByOther(instance, now))
            {
                busy.UnionWith(body.Chats);
                continue;
            }

            // A chat waiting on an earlier body (running, or backing off after a failure) waits for all of it; so does
            // one whose body waits for the next batch.
            if (body.NotBefore > now || body.Chats.Overlaps(busy) || (body.Batchable && (!batchOpen || batch.Count >= settings.MaxBatch)))
            {
                if (body.NotBefore > now && body.NotBefore - now < wait)
                {
                    wait = body.NotBefore - now;
                }

                busy.UnionWith(body.Chats);
                continue;
            }

            if (_inFlight.Count + batch.Count >= settings.MaxInFlight)
            {
                break;
            }

            busy.UnionWith(body.Chats);
            if (!_claimed.Contains(body.Id))
            {
                if (!await store.TryClaimAsync(body.Id, ct))
                {
                    // Taken by another instance a moment ago: leave it to that one until the next full look says more.
                    body.ClaimedBy = "";
                    body.ClaimedUntil = now + BotInstance.ClaimTime;
                    continue;
                }

                _claimed.Add(body.Id);
            }

            if (body.Batchable)
            {
                batch.Add(body);
            }
            else
            {
                _inFlight[body.Id] = RunAsync(body, ct);
            }
        }

        if (batch.Count > 0)
        {
            StartBatch(batch, ct);
        }

        return wait;
    }

    /// <summary>
    /// Keeps this instance's claims alive: a third of the claim time before they would run out, not every pass (each
    /// renewal rewrites every claimed row, and on PostgreSQL each rewrite leaves a dead row version behind).
    /// </summary>
    private async Task RenewClaimsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!instance.Shared || now < _nextRenewal)
        {
            return;
        }

        _nextRenewal = now + (BotInstance.ClaimTime / 3);
        await store.RenewAsync(_claimed, ct);
    }

    /// <summary>Takes in the results of finished bodies.</summary>
    private void Harvest()
    {
        foreach (var (id, task) in _inFlight.Where(p => p.Value.IsCompleted).ToList())
        {
            _inFlight.Remove(id);
            var result = task.Result;
            if (result.Done)
            {
                _known.Remove(id);
                _claimed.Remove(id);
            }
            else if (_known.TryGetValue(id, out var body))
            {
                body.Attempts = result.Attempts;
                body.NotBefore = result.NotBefore;
            }
        }
    }

    private async Task<RowResult> RunAsync(QueuedBody body, CancellationToken ct)
    {
        try
        {
            await Task.Yield();
            var failures = new ConcurrentQueue<(WebhookUpdate Update, Exception Error)>();
            var chats = body.Updates.GroupBy(u => u.ChatKey, StringComparer.Ordinal).ToList();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxInFlight, CancellationToken = ct };
            await Parallel.ForEachAsync(chats, parallel, async (chat, token) =>
            {
                foreach (var update in chat)
                {
                    if (!await ProcessAsync(update, token))
                    {
                        break;
                    }
                }
            });

            return await FinishAsync(body, failures);

            async Task<bool> ProcessAsync(WebhookUpdate update, CancellationToken token)
            {
                if (update.BeforeProcessing is { } before)
                {
                    try
                    {
                        await before(token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogCourtesyFailed(e.GetType().Name, body.Id);
                    }
                }

                if (update.Message is null && update.Report is null)
                {
                    return true;
                }

                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (update.Message is { } message)
                    {
                        await scope.ServiceProvider.GetRequiredService<IInboundProcessor>().ProcessAsync(message, token);
                    }
                    else
                    {
                        await scope.ServiceProvider.GetRequiredService<DeliveryReports>().ApplyAsync(update.Report!, token);
                    }

                    return true;
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    // The rest of this chat waits, so its messages are never handled out of order.
                    failures.Enqueue((update, e));
                    return false;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new RowResult(Done: false, body.Attempts, body.NotBefore);
        }
        catch (Exception e)
        {
            // Only a bug gets here (each update's failure is caught above); keep the body for a retry.
            LogDispatchFailed(e);
            return new RowResult(Done: false, body.Attempts + 1, clock.GetUtcNow() + settings.RetryDelay(body.Attempts + 1));
        }
        finally
        {
            inbox.Pulse();
        }
    }
}
