using System.Collections.Concurrent;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Webhooks;

/// <summary>
/// Group commit for webhooks, as polling has it for a fetched batch: the messages of many bodies (one per chat) go
/// through the pipeline in one transaction, each in its own savepoint, and the bodies without a failure are marked
/// processed in one statement once their replies are out. A failed message's body is retried alone, as before.
/// </summary>
internal sealed partial class WebhookInboxService
{
    private void StartBatch(List<QueuedBody> bodies, CancellationToken ct)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _committing = committed.Task;
        var run = RunBatchAsync(bodies, committed, ct);
        foreach (var body in bodies)
        {
            _inFlight[body.Id] = ResultOfAsync(run, body.Id);
        }

        static async Task<RowResult> ResultOfAsync(Task<Dictionary<long, RowResult>> run, long id) => (await run)[id];
    }

    private async Task<Dictionary<long, RowResult>> RunBatchAsync(List<QueuedBody> bodies, TaskCompletionSource committed, CancellationToken ct)
    {
        try
        {
            await Task.Yield();
            var failures = bodies.ToDictionary(b => b.Id, _ => new ConcurrentQueue<(WebhookUpdate Update, Exception Error)>());
            var courtesy = bodies.SelectMany(b => b.Updates.Select(u => (Body: b, Update: u)))
                .Where(p => p.Update.BeforeProcessing is not null)
                .Select(p => CourtesyAsync(p.Update, p.Body.Id, ct)).ToList();
            var origin = new Dictionary<InboundMessage, (QueuedBody Body, WebhookUpdate Update)>(ReferenceEqualityComparer.Instance);
            foreach (var body in bodies)
            {
                foreach (var update in body.Updates.Where(u => u.Message is not null))
                {
                    origin[update.Message!] = (body, update);
                }
            }

            var delivered = await CommitAsync([.. origin.Keys], origin, failures, ct);
            committed.TrySetResult();
            foreach (var body in bodies)
            {
                foreach (var update in body.Updates.Where(u => u.Message is null && u.Report is not null))
                {
                    await ApplyReportAsync(update, failures[body.Id], ct);
                }
            }

            await delivered.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await Task.WhenAll(courtesy);

            var results = new Dictionary<long, RowResult>();
            foreach (var done in bodies.Where(b => failures[b.Id].IsEmpty).GroupBy(b => b.Attempts + 1))
            {
                await store.MarkProcessedAsync([.. done.Select(b => b.Id)], done.Key);
                foreach (var body in done)
                {
                    results[body.Id] = new RowResult(Done: true, done.Key, default);
                }
            }

            foreach (var body in bodies.Where(b => !failures[b.Id].IsEmpty))
            {
                results[body.Id] = await FinishAsync(body, failures[body.Id]);
            }

            return results;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return bodies.ToDictionary(b => b.Id, b => new RowResult(Done: false, b.Attempts, b.NotBefore));
        }
        catch (Exception e)
        {
            // Only a bug gets here (each update's failure is caught); keep the bodies for a retry.
            LogDispatchFailed(e);
            return bodies.ToDictionary(b => b.Id, b => new RowResult(Done: false, b.Attempts + 1, clock.GetUtcNow() + settings.RetryDelay(b.Attempts + 1)));
        }
        finally
        {
            committed.TrySetResult();
            inbox.Pulse();
        }
    }

    /// <summary>The messages in one transaction when the pipeline can (else one by one); returns their replies' delivery.</summary>
    private async Task<Task> CommitAsync(List<InboundMessage> messages, Dictionary<InboundMessage, (QueuedBody Body, WebhookUpdate Update)> origin,
        Dictionary<long, ConcurrentQueue<(WebhookUpdate Update, Exception Error)>> failures, CancellationToken ct)
    {
        if (messages.Count == 0)
        {
            return Task.CompletedTask;
        }

        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<IInboundProcessor>();
        if (processor is IInboundBatchProcessor batch)
        {
            var result = await batch.CommitBatchAsync(messages, ct);
            foreach (var failure in result.Failures)
            {
                var (body, update) = origin[failure.Message];
                failures[body.Id].Enqueue((update, failure.Exception));
            }

            return result.Delivered;
        }

        foreach (var message in messages)
        {
            try
            {
                await processor.ProcessAsync(message, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var (body, update) = origin[message];
                failures[body.Id].Enqueue((update, e));
            }
        }

        return Task.CompletedTask;
    }

    private async Task ApplyReportAsync(WebhookUpdate update, ConcurrentQueue<(WebhookUpdate Update, Exception Error)> failures, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeliveryReports>().ApplyAsync(update.Report!, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The body is retried; the report itself is idempotent.
            failures.Enqueue((update, e));
        }
    }

    private async Task CourtesyAsync(WebhookUpdate update, long bodyId, CancellationToken ct)
    {
        try
        {
            await update.BeforeProcessing!(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCourtesyFailed(e.GetType().Name, bodyId);
        }
    }
}
