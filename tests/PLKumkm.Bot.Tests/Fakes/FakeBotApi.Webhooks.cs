using System.Net.Http;
using System.Text;
using System.Threading.Channels;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>
/// Telegram's side of webhook mode, opt-in with <see cref="PushWebhooks"/>: once the bot has called setWebhook, every
/// enqueued update is POSTed to that URL with the secret token header, up to max_connections (40 by default) at once,
/// and retried, later each time, until the bot answers 2xx; only then is it acknowledged and forgotten. With
/// <see cref="WebhookBackends"/> the URL stands for a load balancer in front of those instances: each post goes to the
/// next instance, and one that refuses the connection (dead, or still starting) is skipped at once, as a
/// health-checked balancer does. A post cut off mid-way (the instance killed while reading or answering) is retried
/// like any failure: the bot then sees the same update_id again.
/// </summary>
public sealed partial class FakeBotApi
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);
    private readonly HashSet<int> _webhookAcknowledged = [];
    private Channel<PendingUpdate>? _pushQueue;
    private Task? _pusher;
    private string? _webhookSecret;
    private int _nextBackend;
    private long _webhookPosts;
    private long _webhookRetries;

    /// <summary>Post updates to the webhook once one is set (set before the bot starts).</summary>
    public bool PushWebhooks { get; set; }

    /// <summary>Base addresses (<c>http://127.0.0.1:PORT</c>) behind the webhook URL's load balancer: the URL's path is
    /// posted to each in turn. Null: the webhook URL itself.</summary>
    public IReadOnlyList<string>? WebhookBackends { get; set; }

    /// <summary>Called (outside the fake's lock) with each update id the bot answered 2xx for, once.</summary>
    public Action<int>? WebhookAcknowledgedObserver { get; set; }

    /// <summary>Update ids the bot answered 2xx for.</summary>
    public IReadOnlyCollection<int> WebhookAcknowledged
    {
        get { lock (_gate) { return [.. _webhookAcknowledged]; } }
    }

    /// <summary>Webhook posts made, and posts that failed and were retried (a refused connection that moved on to the
    /// next instance at once is not counted as a retry).</summary>
    public (long Posts, long Retries) WebhookPostCounts => (Interlocked.Read(ref _webhookPosts), Interlocked.Read(ref _webhookRetries));

    // Callers hold _gate.
    private void StartPushing(int maxConnections)
    {
        if (_pushQueue is not null)
        {
            return;
        }

        _pushQueue = Channel.CreateUnbounded<PendingUpdate>(new UnboundedChannelOptions { SingleReader = true });
        foreach (var update in _pending)
        {
            _pushQueue.Writer.TryWrite(update);
        }

        var queue = _pushQueue;
        _pusher = Task.Run(() => PushAsync(queue, maxConnections));
    }

    private async Task PushAsync(Channel<PendingUpdate> queue, int maxConnections)
    {
        var ct = _stopping.Token;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            ConnectTimeout = TimeSpan.FromSeconds(2),
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        using var slots = new SemaphoreSlim(maxConnections);
        var inFlight = new List<Task>();
        try
        {
            await foreach (var update in queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await slots.WaitAsync(ct).ConfigureAwait(false);
                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        await DeliverAsync(http, queue, update, ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The fake is stopping.
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private async Task DeliverAsync(HttpClient http, Channel<PendingUpdate> queue, PendingUpdate update, CancellationToken ct)
    {
        string? url;
        string? secret;
        lock (_gate)
        {
            url = _webhookUrl;
            secret = _webhookSecret;
        }

        if (url is not null)
        {
            var targets = WebhookBackends is { Count: > 0 } backends
                ? backends.Select(b => b.TrimEnd('/') + new Uri(url).PathAndQuery).ToList()
                : [url];
            var first = Interlocked.Increment(ref _nextBackend);
            for (var i = 0; i < targets.Count; i++)
            {
                switch (await PostAsync(http, targets[(int)((uint)(first + i) % targets.Count)], update.Json, secret, ct).ConfigureAwait(false))
                {
                    case PostOutcome.Acknowledged:
                        Acknowledge(update);
                        return;
                    case PostOutcome.Refused:
                        continue;
                    case PostOutcome.Cancelled:
                        return;
                }

                break;
            }
        }

        // Failed (or no webhook right now): Telegram keeps the update and tries again, waiting longer each time.
        Interlocked.Increment(ref _webhookRetries);
        var wait = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, FirstRetry.Ticks << Math.Min(update.Attempts++, 5)));
        try
        {
            await Task.Delay(wait, ct).ConfigureAwait(false);
            queue.Writer.TryWrite(update);
        }
        catch (OperationCanceledException)
        {
            // The fake is stopping.
        }
    }

    private async Task<PostOutcome> PostAsync(HttpClient http, string target, string json, string? secret, CancellationToken ct)
    {
        Interlocked.Increment(ref _webhookPosts);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            if (secret is not null)
            {
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            }

            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? PostOutcome.Acknowledged : PostOutcome.Failed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return PostOutcome.Cancelled;
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return PostOutcome.Refused;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // Cut off mid-request or timed out: the instance may have stored it; a retry is the same update_id.
            return PostOutcome.Failed;
        }
    }

    private void Acknowledge(PendingUpdate update)
    {
        bool first;
        lock (_gate)
        {
            _pending.Remove(update);
            first = _webhookAcknowledged.Add(update.Id);
            PulseState();
        }

        if (first)
        {
            WebhookAcknowledgedObserver?.Invoke(update.Id);
        }
    }

    private enum PostOutcome
    {
        Acknowledged,
        Failed,
        Refused,
        Cancelled,
    }
}
