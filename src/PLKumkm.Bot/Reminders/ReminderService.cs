using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Reminders;

/// <summary>Looks for due reminders every <c>Reminders:CheckIntervalSeconds</c>; the database decides what is due and sent.</summary>
internal sealed partial class ReminderService(
    IServiceScopeFactory scopes,
    IOptions<ReminderOptions> options,
    TimeProvider clock,
    ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReminderSender>().SendDueAsync(clock.GetUtcNow(), deliver: true, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due reminders failed ({Failure}); trying again at the next look")]
    private partial void LogFailed(string failure);
}
