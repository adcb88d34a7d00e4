namespace PLKumkm.Bot.Messaging;

/// <summary>Delivers replies left unsent by a crash or an outage: at start-up, then every few seconds.</summary>
internal sealed partial class OutboxRetryService(OutboxDelivery delivery, ILogger<OutboxRetryService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // At start-up nothing is in flight, so everything unsent is due; later only what has waited a while.
        var minAge = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var count = await delivery.RetryPendingAsync(200, minAge, stoppingToken);
                minAge = TimeSpan.FromSeconds(30);
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
