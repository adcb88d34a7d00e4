namespace PLKumkm.Bot.Messaging;

/// <summary>Delivers replies left unsent by a crash or an outage: at start-up, then every few seconds.</summary>
internal sealed partial class OutboxRetryService(OutboxDelivery delivery, ILogger<OutboxRetryService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>Before any channel starts: chats with replies left unsent by a crash wait for them to go first.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await delivery.StallUnsentAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
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
                count += await delivery.RetryPendingAsync(200, TimeSpan.FromSeconds(30), stoppingToken);
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
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retried {Count} pending outbound messages")]
    private partial void LogRetried(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox retry pass failed")]
    private partial void LogRetryFailed(Exception exception);
}
