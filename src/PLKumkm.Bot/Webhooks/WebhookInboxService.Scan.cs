namespace PLKumkm.Bot.Webhooks;

/// <summary>
/// How the drain learns what is queued. Alone on its database (SQLite) every body is this process's own, handed over
/// in memory as it is stored (<see cref="WebhookInbox.TakeStored"/>), or was left from before the start: after one
/// look at the whole queue that finds its end, nothing is read back (a whole look every
/// <see cref="WebhookInboxSettings.IdleCheck"/> stays as a safety net). With other instances (PostgreSQL) the whole
/// queue is looked at every <see cref="WebhookInboxSettings.SharedFullLook"/> — to see their claims, the bodies they
/// finished, and rows whose lower id committed after a higher one — and the passes in between read only the rows after
/// the highest seen (its own payloads still come from memory). (A whole look and a renewal every pass were measured at
/// about an eighth of the CPU per update with 1,000 chats queued, 7 December.)
/// </summary>
internal sealed partial class WebhookInboxService
{
    private long _highestSeen;
    private DateTimeOffset _nextFullScan = DateTimeOffset.MinValue;

    // Every row after _highestSeen reaches this process through the handoff (alone on the database, queue read to its end).
    private bool _caughtUp;

    private async Task ScanAsync(CancellationToken ct)
    {
        var stored = inbox.TakeStored().Where(b => _readers.ContainsKey(b.Channel)).ToList();
        var now = clock.GetUtcNow();
        if (now >= _nextFullScan)
        {
            // Alone, the full look is only a safety net (every IdleCheck); shared, it is how claims are seen.
            _nextFullScan = now + (instance.Shared ? settings.SharedFullLook : IdleCheck);
            var all = await store.PendingAsync(_channels, settings.ScanLimit, ct);
            Forget(all);
            await LearnAsync(all, stored, ct);
            _caughtUp = !instance.Shared && all.Count < settings.ScanLimit;
            return;
        }

        if (_caughtUp && _known.Count + stored.Count <= settings.ScanLimit)
        {
            await LearnAsync([.. stored.Select(b => new WebhookInboxStore.PendingRow(b.Id, b.Channel, b.ReceivedAt, 0, null, null))], stored, ct);
            return;
        }

        // Not caught up (a backlog beyond one page, or other instances): what was handed over is found again below.
        _caughtUp = false;
        var room = settings.ScanLimit - _known.Count;
        if (room > 0)
        {
            var rows = await store.PendingAsync(_channels, room, ct, afterId: _highestSeen);
            await LearnAsync(rows, stored, ct);
            _caughtUp = !instance.Shared && rows.Count < room;
        }
    }

    /// <summary>After a look at the whole queue: bodies no longer in it were finished by another instance (or pruned);
    /// the others get the claims as they stand now.</summary>
    private void Forget(List<WebhookInboxStore.PendingRow> all)
    {
        var rows = all.ToDictionary(r => r.Id);
        // Rows past a full page were simply not looked at.
        var horizon = all.Count < settings.ScanLimit ? long.MaxValue : all[^1].Id;
        foreach (var body in _known.Values.ToList())
        {
            if (rows.TryGetValue(body.Id, out var row))
            {
                body.ClaimedBy = row.ClaimedBy;
                body.ClaimedUntil = row.ClaimedUntil;
            }
            else if (body.Id <= horizon && !_inFlight.ContainsKey(body.Id))
            {
                _known.Remove(body.Id);
                _claimed.Remove(body.Id);
            }
        }
    }

    /// <summary>Reads the bodies not seen before; one that cannot be read is given up on at once.</summary>
    private async Task LearnAsync(List<WebhookInboxStore.PendingRow> pending, List<StoredBody> stored, CancellationToken ct)
    {
        var unseen = pending.Where(r => !_known.ContainsKey(r.Id)).ToList();
        if (unseen.Count == 0)
        {
            return;
        }

        _highestSeen = Math.Max(_highestSeen, unseen.Max(r => r.Id));
        var payloads = stored.Where(b => b.Id > 0).ToDictionary(b => b.Id, b => b.Payload);
        var missing = unseen.Where(r => !payloads.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        if (missing.Count > 0)
        {
            foreach (var (id, payload) in await store.PayloadsAsync(missing, ct))
            {
                payloads[id] = payload;
            }
        }

        foreach (var row in unseen)
        {
            IReadOnlyList<WebhookUpdate> updates;
            try
            {
                updates = _readers[row.Channel].Read(payloads.GetValueOrDefault(row.Id, ""), row.ReceivedAt);
            }
            catch (Exception e)
            {
                LogUnreadable(e.GetType().Name, row.Id, row.Channel);
                await store.MarkGivenUpAsync(row.Id, row.Attempts + 1, "unreadable: " + e.GetType().Name);
                continue;
            }

            _known[row.Id] = new QueuedBody(row.Id, row.Channel, updates, row.Attempts)
            {
                ClaimedBy = row.ClaimedBy,
                ClaimedUntil = row.ClaimedUntil,
                // Group commit on both providers, one committing batch at a time under the write gate. (With the gate
                // open, several batches committing at once and claims taken at insert, the two-instance fault run found
                // chats gone wrong after a kill; that experiment stays off: issue 16's notes.)
                Batchable = QueuedBody.OneMessagePerChat(updates),
            };
            if (instance.Shared && row.ClaimedBy == instance.Id)
            {
                // Claimed by this instance before (renewed with the others from now on).
                _claimed.Add(row.Id);
            }
        }
    }
}
