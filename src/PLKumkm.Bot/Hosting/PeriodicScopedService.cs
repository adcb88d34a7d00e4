namespace PLKumkm.Bot.Hosting;

/// <summary>
/// A job the bot runs every so often in a fresh scope (digests, reminders): off the start-up path, on the injected
/// clock, and a failed pass is one Warning line, the next pass catching up. What is due is the job's to decide (in the
/// database), not this loop's.
/// </summary>
internal abstract partial class PeriodicScopedService(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract string JobName { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(JobName, e.GetType().Name);
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed ({Failure}); trying again at the next pass")]
    private partial void LogFailed(string job, string failure);
}
