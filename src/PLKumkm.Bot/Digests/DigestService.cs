using Microsoft.Extensions.Options;
using PLKumkm.Bot.Hosting;

namespace PLKumkm.Bot.Digests;

/// <summary>Looks for due digests every <c>Digests:CheckIntervalSeconds</c>.</summary>
internal sealed class DigestService(IServiceScopeFactory scopes, IOptions<DigestOptions> options, TimeProvider clock, ILogger<DigestService> logger)
    : PeriodicScopedService(scopes, clock, logger)
{
    protected override string JobName => "Looking for due digests";

    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct) =>
        services.GetRequiredService<DigestSender>().SendDueAsync(now, day: null, deliver: true, ct);
}
