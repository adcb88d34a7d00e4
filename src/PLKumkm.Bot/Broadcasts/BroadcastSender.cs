using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Broadcasts;

/// <summary>What a broadcast run did (or, dry, would do).</summary>
internal sealed record BroadcastReport(long? BroadcastId, int Audience, int Stored, int StoredBefore, int WithoutChat,
    IReadOnlyDictionary<string, int> PerChannel, bool DryRun, int Stopped = 0);

/// <summary>
/// Stores one message per person of an audience in the outbox, paced to each channel's limit, for the running bot to
/// deliver. Each person is claimed by a <see cref="BroadcastRecipient"/> row in the transaction that stores their
/// message, and the same region + audience + text is the same broadcast: a run cut short (a crash, Ctrl+C) is simply
/// run again and goes on where it stopped, nobody getting it twice.
/// </summary>
internal sealed partial class BroadcastSender(
    BotDbContext db,
    ScheduledMessages scheduled,
    WriteGate gate,
    TimeProvider clock,
    IOptions<BroadcastOptions> options,
    ILogger<BroadcastSender> logger)
{
    public const string Template = "broadcast";

    /// <summary>The same region, audience and text is the same broadcast.</summary>
    public static string KeyOf(string region, string audience, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{region}\n{audience}\n{text}")));

    /// <param name="progress">Called after each stored message with (done, total).</param>
    public Task<BroadcastReport> RunAsync(string region, string audience, string text, bool dryRun, Action<int, int>? progress,
        CancellationToken ct) => RunAsync(region, audience, text, dryRun, progress, deliver: false, ct);

    /// <param name="deliver">Hand each message to the channels at once (the running bot's own job).</param>
    public async Task<BroadcastReport> RunAsync(string region, string audience, string text, bool dryRun, Action<int, int>? progress,
        bool deliver, CancellationToken ct)
    {
        var key = KeyOf(region, audience, text);
        var broadcast = await db.Broadcasts.FirstOrDefaultAsync(b => b.Key == key, ct);
        var (people, stopped) = await BroadcastAudience.ReachableAsync(db, audience, region, ct);
        var before = broadcast is null
            ? []
            : (await db.BroadcastRecipients.AsNoTracking().Where(r => r.BroadcastId == broadcast.Id).Select(r => r.PersonId).ToListAsync(ct)).ToHashSet();
        var left = people.Where(p => !before.Contains(p)).ToList();
        var addresses = await scheduled.AddressesOfAsync(left, ct);
        var todo = left.Where(addresses.ContainsKey).Select(p => (PersonId: p, Address: addresses[p])).ToList();
        var withoutChat = left.Count - todo.Count;

        var perChannel = todo.GroupBy(t => ChannelAddress.Split(t.Address).Channel)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var storedBefore = people.Count(before.Contains);
        if (dryRun)
        {
            return new BroadcastReport(broadcast?.Id, people.Count, 0, storedBefore, withoutChat, perChannel, DryRun: true, stopped);
        }

        if (broadcast is null)
        {
            broadcast = new Broadcast
            {
                Key = key, RegionCode = region, Audience = audience, Text = text, CreatedAt = clock.GetUtcNow(), ConfirmedAt = clock.GetUtcNow(),
            };
            using (await gate.EnterAsync(ct))
            {
                db.Broadcasts.Add(broadcast);
                await db.SaveChangesAsync(ct);
            }
        }

        var stored = 0;
        var message = new OutboundMessage(text) { Template = Template };
        // Each second, at most each channel's limit: the lanes of the running bot then never meet a 429 because of us.
        long? started = null;
        foreach (var second in Seconds(todo))
        {
            // A second between the starts of two batches (none before the first, none after the last).
            if (started is { } last && TimeSpan.FromSeconds(1) - clock.GetElapsedTime(last) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, clock, ct);
            }

            started = clock.GetTimestamp();
            foreach (var (personId, address) in second)
            {
                var id = broadcast.Id;
                var now = clock.GetUtcNow();
                bool claimed;
                try
                {
                    claimed = await scheduled.StoreAsync(async d =>
                    {
                        if (await d.BroadcastRecipients.AnyAsync(r => r.BroadcastId == id && r.PersonId == personId, ct))
                        {
                            return 0;
                        }

                        d.BroadcastRecipients.Add(new BroadcastRecipient { BroadcastId = id, PersonId = personId, StoredAt = now });
                        await d.SaveChangesAsync(ct);
                        return 1;
                    }, address, message, now, deliver, ct);
                }
                catch (DbUpdateException)
                {
                    // Another run stored it first.
                    db.ChangeTracker.Clear();
                    claimed = false;
                }

                if (claimed)
                {
                    stored++;
                }

                progress?.Invoke(storedBefore + stored, people.Count - withoutChat);
            }

        }

        using (await gate.EnterAsync(ct))
        {
            await db.Broadcasts.Where(b => b.Id == broadcast.Id)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.FinishedAt, clock.GetUtcNow()), ct);
        }

        LogDone(broadcast.Id, stored, storedBefore, withoutChat);
        return new BroadcastReport(broadcast.Id, people.Count, stored, storedBefore, withoutChat, perChannel, DryRun: false, stopped);
    }

    private IEnumerable<List<(long PersonId, string Address)>> Seconds(List<(long PersonId, string Address)> todo)
    {
        var o = options.Value;
        var queues = todo.GroupBy(t => ChannelAddress.Split(t.Address).Channel)
            .Select(g => (Limit: g.Key == "whatsapp" ? o.WhatsAppPerSecond : o.TelegramPerSecond, Queue: new Queue<(long, string)>(g)))
            .ToList();
        while (queues.Any(q => q.Queue.Count > 0))
        {
            var second = new List<(long, string)>();
            foreach (var (limit, queue) in queues)
            {
                for (var i = 0; i < limit && queue.Count > 0; i++)
                {
                    second.Add(queue.Dequeue());
                }
            }

            yield return second;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId}: {Stored} stored now, {Before} earlier, {WithoutChat} without a reachable chat")]
    private partial void LogDone(long broadcastId, int stored, int before, int withoutChat);
}
