namespace PLKumkm.Bot.Retention;

/// <summary>Runs <see cref="RetentionPruner"/> once at start and then every <c>Retention:IntervalMinutes</c>.</summary>
internal sealed partial class RetentionService(
    RetentionPruner pruner,
    Microsoft.Extensions.Options.IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host finishes starting while the first pass runs.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var report = await pruner.PruneAsync(stoppingToken);
                if (report.Total > 0)
                {
                    LogPruned(report.UnreadablePayloads, report.WebhookRows, report.UpdateKeys, report.OutboxRows, report.Versions, report.Sessions, report.Photos);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be busy or briefly unavailable; the next pass catches up.
                LogFailed(e.GetType().Name);
            }

            try
            {
                await Task.Delay(options.Value.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Payloads} unreadable webhook payloads dropped, {WebhookRows} processed webhook rows, {UpdateKeys} duplicate-check keys, {OutboxRows} sent replies, {Versions} history versions of withdrawn records, {Sessions} finished or abandoned questionnaires and {Photos} stored photos nothing referred to deleted")]
    private partial void LogPruned(int payloads, int webhookRows, int updateKeys, int outboxRows, int versions, int sessions, int photos);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention pass failed ({Failure}); trying again at the next interval")]
    private partial void LogFailed(string failure);
}
