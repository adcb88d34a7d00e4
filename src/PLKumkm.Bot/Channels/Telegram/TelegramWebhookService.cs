using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>
/// Webhook mode: registers <c>Telegram:WebhookUrl</c> with the secret token at start (retrying until it
/// succeeds) and publishes the command menu. Updates then arrive at <c>POST /webhooks/telegram</c>.
/// The webhook is left in place at shutdown, so Telegram keeps updates for us while we are down.
/// </summary>
internal sealed class TelegramWebhookService(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramWebhookService> logger) : BackgroundService
{
    private static readonly TimeSpan MinBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var backoff = MinBackoff;
        try
        {
            while (true)
            {
                try
                {
                    // Pending updates are kept: they are messages people already sent us.
                    await bot.SetWebhook(o.WebhookUrl!.Trim(), allowedUpdates: TelegramUpdateTypes.Allowed, dropPendingUpdates: false,
                        secretToken: o.WebhookSecret, cancellationToken: stoppingToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Telegram setWebhook failed ({Failure}); retrying in {DelaySeconds} s",
                        TelegramRetryPolicy.Describe(ex), backoff.TotalSeconds);
                    await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(false);
                    backoff = backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
                }
            }

            await identity.LoadAsync(stoppingToken).ConfigureAwait(false);
            await TelegramCommandMenu.PublishAsync(bot, logger, stoppingToken).ConfigureAwait(false);
            logger.LogInformation("Telegram webhook registered; updates arrive at {Path}", TelegramWebhookRoutes.Path);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown during start-up: the next start registers again.
        }
    }
}
