using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using Prometheus;

namespace PLKumkm.Bot.Observability;

/// <summary>
/// The operational counters scraped at <c>GET /metrics</c> (Prometheus text format, prometheus-net). Counters are per
/// process (each instance is scraped on its own); backlogs and registrations are read from the database at scrape time,
/// so they are the same whichever instance answers. Labels are channels, kinds and error classes: never a person.
/// </summary>
internal sealed class BotMetrics
{
    private readonly Counter _updates;
    private readonly Counter _duplicates;
    private readonly Counter _updateFailures;
    private readonly Counter _sent;
    private readonly Counter _sendFailures;
    private readonly Counter _undeliverable;
    private readonly Counter _deliveryStatuses;

    public BotMetrics(IServiceScopeFactory scopes)
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _updates = factory.CreateCounter("plkumkm_updates_received_total", "Inbound updates processed, per channel.", "channel");
        _duplicates = factory.CreateCounter("plkumkm_updates_duplicate_total", "Inbound updates skipped as already processed, per channel.", "channel");
        _updateFailures = factory.CreateCounter("plkumkm_update_failures_total", "Inbound updates whose processing failed, per channel.", "channel");
        _sent = factory.CreateCounter("plkumkm_replies_sent_total", "Outbound messages delivered, per channel.", "channel");
        _sendFailures = factory.CreateCounter("plkumkm_send_failures_total", "Outbound deliveries that failed, per channel and failure.", "channel", "failure");
        _undeliverable = factory.CreateCounter("plkumkm_replies_undeliverable_total",
            "Outbound messages given up for good, per channel and reason (permanent: this message; unreachable: the address).", "channel", "reason");
        _deliveryStatuses = factory.CreateCounter("plkumkm_delivery_statuses_total",
            "Delivery statuses reported by a channel after sending (WhatsApp sent/delivered/read/failed), per status and error code (\"\" when none).",
            "channel", "status", "code");
        var outboxBacklog = factory.CreateGauge("plkumkm_outbox_backlog", "Replies stored and not yet delivered.");
        var outboxAge = factory.CreateGauge("plkumkm_outbox_oldest_age_seconds", "Age of the oldest undelivered reply (0 when none).");
        var inboxBacklog = factory.CreateGauge("plkumkm_webhook_inbox_backlog", "Webhook bodies acknowledged and not yet processed.");
        var records = factory.CreateGauge("plkumkm_records_counted", "Records counted in progress, per kind.", "kind");
        Registry.AddBeforeCollectCallback(async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var unsent = db.Outbox.AsNoTracking().Where(o => o.SentAt == null && o.FailedAt == null);
            outboxBacklog.Set(await unsent.CountAsync(ct));
            var oldest = await unsent.OrderBy(o => o.Id).Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefaultAsync(ct);
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            outboxAge.Set(oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0);
            inboxBacklog.Set(await db.WebhookInbox.AsNoTracking().CountAsync(i => i.ProcessedAt == null, ct));
            foreach (var total in await db.RegencyTotals.AsNoTracking().GroupBy(t => t.Kind)
                         .Select(g => new { g.Key, Count = g.Sum(t => t.Count) }).ToListAsync(ct))
            {
                records.WithLabels(total.Key.ToString().ToLowerInvariant()).Set(total.Count);
            }
        });
    }

    public CollectorRegistry Registry { get; }

    public void UpdateProcessed(string channel) => _updates.WithLabels(channel).Inc();

    public void UpdateDuplicate(string channel) => _duplicates.WithLabels(channel).Inc();

    public void UpdateFailed(string channel) => _updateFailures.WithLabels(channel).Inc();

    public void ReplySent(string channel) => _sent.WithLabels(channel).Inc();

    /// <param name="failure">A class of failure (an exception type or an API error code), never a message.</param>
    public void SendFailed(string channel, string failure) => _sendFailures.WithLabels(channel, failure).Inc();

    public void Undeliverable(string channel, Messaging.DeliveryFailure failure) =>
        _undeliverable.WithLabels(channel, failure.ToString().ToLowerInvariant()).Inc();

    /// <param name="code">The channel's error code of a failed status, or null.</param>
    public void DeliveryStatus(string channel, string status, int? code) =>
        _deliveryStatuses.WithLabels(channel, status, code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "").Inc();
}
