using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Observability;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// Applies a channel's failed delivery status to the outbox row it refers to (found by the keyed hash of the id the
/// send returned): a passing failure puts the reply back for another attempt after a backoff; a closed window puts it
/// back once, to go out as its template; anything final marks it failed with the code, and a number that cannot be
/// reached is marked unreachable like a Telegram block. Redelivered statuses change nothing the second time.
/// </summary>
internal sealed partial class DeliveryReports(
    BotDbContext db,
    WriteGate gate,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<DeliveryReports> logger,
    BotMetrics? metrics = null)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(15);

    public async Task ApplyAsync(DeliveryReport report, CancellationToken ct)
    {
        if (report.Failure is not { } failure)
        {
            return;
        }

        var code = report.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
        var hash = db.Protection.Hash(report.ChannelMessageId);
        using (await gate.EnterAsync(ct))
        {
            var row = await db.Outbox.FirstOrDefaultAsync(o => o.ChannelMessageHash == hash, ct);
            if (row is null)
            {
                // Not a reply of ours (an apology sent directly), or one already erased with its person.
                LogUnknownMessage(report.Channel, code);
                return;
            }

            if (row.SentAt is null || row.FailedAt is not null)
            {
                // Already acted on: Meta delivers webhooks at least once.
                return;
            }

            var now = clock.GetUtcNow();
            var reason = $"{report.Channel} error {code}";
            var message = OutboxPayload.Deserialize(row.PayloadJson);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (report.WindowClosed && !message.WindowClosed)
            {
                row.PayloadJson = OutboxPayload.Serialize(message with { WindowClosed = true });
                PutBack(row, reason, now);
                LogWindowClosed(row.Id, report.Channel);
            }
            else if (failure == DeliveryFailure.Retry && row.Attempts < options.Value.SendAttempts)
            {
                var wait = Backoff(row.Attempts);
                PutBack(row, reason, now + wait);
                LogRetrying(row.Id, report.Channel, code, (int)wait.TotalSeconds);
            }
            else if (failure == DeliveryFailure.Unreachable)
            {
                // Accepted by the channel but never delivered: not sent, whatever the send said.
                row.SentAt = null;
                OutboxStore.GiveUp(db, row, reason, now);
                await OutboxStore.MarkUnreachableAsync(db, row.Address, now);
                metrics?.Undeliverable(report.Channel, failure);
                LogUnreachable(row.Id, report.Channel, code);
            }
            else
            {
                row.SentAt = null;
                OutboxStore.GiveUp(db, row, reason, now);
                metrics?.Undeliverable(report.Channel, DeliveryFailure.Permanent);
                LogGivenUp(row.Id, report.Channel, code);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Unsent again, for <see cref="OutboxDelivery.RetryPendingAsync"/> to take once <paramref name="notBefore"/> has passed.</summary>
    private static void PutBack(Storage.Entities.OutboxMessage row, string reason, DateTimeOffset notBefore)
    {
        row.SentAt = null;
        row.LastError = reason;
        row.NotBefore = notBefore;
    }

    /// <summary>The retry interval doubled per attempt already made, capped: throttling lifts, but not at once.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var wait = options.Value.RetryInterval * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return wait < MaxBackoff ? wait : MaxBackoff;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} reported outbox message {OutboxId} failed with error {Code}; it is sent again in {Seconds} s")]
    private partial void LogRetrying(long outboxId, string channel, string code, int seconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Channel} reported outbox message {OutboxId} undeliverable (error {Code}): the recipient cannot be reached there; nothing more is sent to that address until they write again")]
    private partial void LogUnreachable(long outboxId, string channel, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} reported outbox message {OutboxId} failed with error {Code}; kept as failed, not retried")]
    private partial void LogGivenUp(long outboxId, string channel, string code);

    // Information: what becomes of it (sent as a template, or kept as failed) is the one line that matters.
    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Channel} reported outbox message {OutboxId} outside the 24-hour window (131047); it is sent again as its template, if one is configured")]
    private partial void LogWindowClosed(long outboxId, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} reported a failed message (error {Code}) that is not in the outbox")]
    private partial void LogUnknownMessage(string channel, string code);
}
