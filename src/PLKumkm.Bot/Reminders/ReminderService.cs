using Microsoft.Extensions.Options;
using PLKumkm.Bot.Hosting;

namespace PLKumkm.Bot.Reminders;

/// <summary>Looks for due reminders every <c>Reminders:CheckIntervalSeconds</c>.</summary>
internal sealed class ReminderService(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderService> logger)
    : PeriodicScopedService(scopes, clock, logger)
{
    protected override string JobName => "Looking for due reminders";

    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct) =>
        services.GetRequiredService<ReminderSender>().SendDueAsync(now, deliver: true, ct);
}
