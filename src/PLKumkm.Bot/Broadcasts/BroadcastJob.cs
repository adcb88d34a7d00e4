using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Broadcasts;

/// <summary>
/// Sends the broadcasts confirmed in a chat (<c>/siaran</c>), one after another, then tells whoever asked. A broadcast cut
/// short by a restart is simply picked up again: its recipients already stored are skipped.
/// </summary>
internal sealed class BroadcastJob(BotDbContext db, BroadcastSender sender, ScheduledMessages scheduled, WriteGate gate)
{
    public async Task<int> RunPendingAsync(DateTimeOffset now, CancellationToken ct)
    {
        var pending = await db.Broadcasts.AsNoTracking()
            .Where(b => b.CreatedByPersonId != null && b.ConfirmedAt != null && b.ReportedAt == null)
            .OrderBy(b => b.Id).ToListAsync(ct);
        foreach (var broadcast in pending)
        {
            var report = await sender.RunAsync(broadcast.RegionCode, broadcast.Audience, broadcast.Text, dryRun: false, null, deliver: true, ct);
            var creator = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == broadcast.CreatedByPersonId, ct);
            var id = broadcast.Id;
            Task<int> Claim(BotDbContext d) =>
                d.Broadcasts.Where(b => b.Id == id && b.ReportedAt == null).ExecuteUpdateAsync(b => b.SetProperty(x => x.ReportedAt, now), ct);
            if (creator is not null && await scheduled.AddressOfAsync(creator.Id, ct) is { } address)
            {
                var done = BroadcastTexts.Done(report.Stored + report.StoredBefore, report.WithoutChat, report.Stopped).In(creator.Language);
                await scheduled.StoreAsync(Claim, address, new OutboundMessage(done) { Language = creator.Language }, now, deliver: true, ct);
            }
            else
            {
                // Nobody to tell (the creator's chat is gone): only marked done.
                using (await gate.EnterAsync(ct))
                {
                    await Claim(db);
                }
            }
        }

        return pending.Count;
    }
}

/// <summary>Runs <see cref="BroadcastJob"/> every few seconds in the running bot.</summary>
internal sealed class BroadcastService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BroadcastService> logger)
    : PeriodicScopedService(scopes, clock, logger)
{
    protected override string JobName => "Sending confirmed broadcasts";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(5);

    protected override Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct) =>
        services.GetRequiredService<BroadcastJob>().RunPendingAsync(now, ct);
}
