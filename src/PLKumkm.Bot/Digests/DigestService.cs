using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Digests;

/// <summary>Looks for due digests every <c>Digests:CheckIntervalSeconds</c>; what is due is decided in the database, not here.</summary>
internal sealed partial class DigestService(
    IServiceScopeFactory scopes,
    IOptions<DigestOptions> options,
    TimeProvider clock,
    ILogger<DigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DigestSender>().SendDueAsync(clock.GetUtcNow(), day: null, deliver: true, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be busy; a digest not claimed is simply sent at the next look.
                LogFailed(e.GetType().Name);
            }

            try
            {
                await Task.Delay(options.Value.CheckInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due digests failed ({Failure}); trying again at the next look")]
    private partial void LogFailed(string failure);
}
