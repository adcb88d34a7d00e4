using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Messaging;

/// <summary>Delivers replies left unsent by a crash or an outage: at start-up, then every few seconds.</summary>
internal sealed partial class OutboxRetryService(
    OutboxDelivery delivery,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRetryService> logger) : BackgroundService
{
    private readonly MessagingOptions _options = options.Value;

    /// <summary>Before any channel starts: chats with replies left unsent by a crash wait for them to go first.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await delivery.StallUnsentAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// The channels stop first (they are registered after this service); what they committed is sent now, while the
    /// process still can: a reply cut off mid-send would stay unmarked and go out a second time after the next start.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await delivery.FlushAsync().WaitAsync(_options.StopFlush, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            LogFlushCutShort(_options.StopFlush.TotalSeconds);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Stalled chats first (failed deliveries, crash leftovers), in order; then anything else that has
                // waited unusually long.
                var count = await delivery.DeliverStalledAsync(stoppingToken);
                count += await delivery.RetryPendingAsync(stoppingToken);
                if (count > 0)
                {
                    LogRetried(count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRetryFailed(e);
            }

            try
            {
                await Task.Delay(_options.RetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retried {Count} pending outbound messages")]
    private partial void LogRetried(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping before every committed reply was sent ({Seconds} s); the rest goes out after the next start")]
    private partial void LogFlushCutShort(double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox retry pass failed")]
    private partial void LogRetryFailed(Exception exception);
}
