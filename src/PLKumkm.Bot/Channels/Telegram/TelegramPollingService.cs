using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.PostgreSql;
using PLKumkm.Bot.Webhooks;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>
/// Long polling with our own loop rather than the library's receiver: a batch goes through the pipeline
/// (<see cref="TelegramBatchHandler"/>) and its offset is confirmed only after every update of the batch has been
/// processed, so nothing is acknowledged before its effects are committed.
/// The replies of a committed batch are stored, so the next poll does not wait for them to be sent: they go out
/// while the next batch is processed (at most <see cref="MaxBatchesSending"/> batches behind).
/// </summary>
internal sealed class TelegramPollingService(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    TelegramUpdateFetcher fetcher,
    TelegramBatchHandler batches,
    IServiceProvider services,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger,
    UnreadableUpdates? unreadable = null,
    LeaderLock? leader = null) : BackgroundService
{
    private const int BatchLimit = 100;
    private const int MaxBatchesSending = 4;
    private static readonly TimeSpan MinBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Telegram hands updates to one poller: with several instances on one database only the one holding the
    /// lock polls, the others stand by and take over when it dies.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var leadership = leader is null
                    ? new Leadership(null, stoppingToken)
                    : await leader.AcquireAsync("telegram-polling", stoppingToken).ConfigureAwait(false);
                using var polling = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, leadership.Lost);
                try
                {
                    await PrepareAsync(polling.Token).ConfigureAwait(false);
                    await PollAsync(polling.Token).ConfigureAwait(false);
                }
                catch (Exception) when (leadership.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    // Another instance may poll now; this one waits for the lock again. Unconfirmed updates come again.
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Shutdown: the unfinished batch stays unconfirmed and is delivered again on the next start.
                return;
            }
        }
    }

    /// <summary>Switches the bot to polling and publishes the command menu.</summary>
    private async Task PrepareAsync(CancellationToken ct)
    {
        var backoff = MinBackoff;
        while (true)
        {
            try
            {
                // Pending updates are kept: they are messages people already sent us.
                await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("Telegram deleteWebhook failed ({Failure}); retrying in {DelaySeconds} s",
                    TelegramRetryPolicy.Describe(ex), backoff.TotalSeconds);
                await Task.Delay(backoff, time, ct).ConfigureAwait(false);
                backoff = Next(backoff);
            }
        }

        if (services.GetService<IServiceProviderIsService>()?.IsService(typeof(IInboundProcessor)) == false)
        {
            // Wiring mistake: every message would only get the apology.
            logger.LogError("No IInboundProcessor is registered; Telegram messages cannot be processed");
        }

        await identity.LoadAsync(ct).ConfigureAwait(false);
        await TelegramCommandMenu.PublishAsync(bot, logger, ct).ConfigureAwait(false);
        logger.LogInformation("Telegram long polling started");
    }

    private async Task PollAsync(CancellationToken ct)
    {
        var sending = new Queue<Task>();
        int? offset = null;
        var backoff = MinBackoff;
        var timeout = options.Value.PollingTimeoutSeconds;
        while (!ct.IsCancellationRequested)
        {
            Update[] updates;
            int? lastId;
            try
            {
                var fetched = await fetcher.GetUpdatesAsync(offset, BatchLimit, timeout, TelegramUpdateTypes.Allowed, ct).ConfigureAwait(false);
                updates = [.. fetched.Updates];
                lastId = fetched.LastId;
                backoff = MinBackoff;
                await KeepUnreadableAsync(fetched.Unreadable, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // 409 means another instance polls or a webhook is set; both may clear up, so keep trying.
                logger.LogWarning("Telegram getUpdates failed ({Failure}); retrying in {DelaySeconds} s",
                    TelegramRetryPolicy.Describe(ex), backoff.TotalSeconds);
                await Task.Delay(backoff, time, ct).ConfigureAwait(false);
                backoff = Next(backoff);
                continue;
            }

            if (lastId is null)
            {
                continue;
            }

            try
            {
                sending.Enqueue(updates.Length == 0 ? Task.CompletedTask : await batches.ProcessAsync(updates, ct).ConfigureAwait(false));
                while (sending.Count > MaxBatchesSending || (sending.Count > 0 && sending.Peek().IsCompleted))
                {
                    // Back-pressure: a channel slower than the bot holds the polling back, not the memory.
                    await sending.Dequeue().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Per-update failures are handled inside; this only guards the loop against the unforeseen.
                logger.LogError(ex, "Telegram batch of {Count} updates failed", updates.Length);
            }

            // The next getUpdates carries this offset and thereby confirms the batch. Never move it
            // backwards, even if a redelivered old update is in the batch.
            var next = lastId.Value + 1;
            offset = offset is { } current && current > next ? current : next;
        }
    }

    /// <summary>Kept as the webhook inbox keeps what it cannot read (where there is storage: a bare channel host has
    /// none); the next poll confirms them with the batch.</summary>
    private async Task KeepUnreadableAsync(IReadOnlyList<UnreadableUpdate> updates, CancellationToken ct)
    {
        if (unreadable is null)
        {
            return;
        }

        foreach (var update in updates)
        {
            try
            {
                await unreadable.KeepAsync(TelegramUpdateTranslator.Channel, update.Json, update.Failure, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Not worth holding every chat's updates back for: the fetcher's warning already names the update.
                logger.LogWarning("Unreadable Telegram update {UpdateId} could not be kept ({Failure})", update.UpdateId, ex.GetType().Name);
            }
        }
    }

    private static TimeSpan Next(TimeSpan backoff) => backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
}
