using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Messaging.Commands;
using PLKumkm.Bot.Observability;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// The pipeline every channel feeds: dedup by update key, find the person, let the handler the
/// command table routes it to answer (<see cref="CommandRouter"/>), and commit the effects together with the replies (outbox) before delivering them.
/// A batch shares one transaction (group commit): each update runs inside its own savepoint, so a failing
/// update leaves no trace while the others are committed together.
/// </summary>
internal sealed partial class InboundProcessor(
    BotDbContext db,
    CommandRouter router,
    WriteGate gate,
    OutboxDelivery delivery,
    OutboxStore outboxStore,
    TypingIndicator typing,
    TimeProvider clock,
    ILogger<InboundProcessor> logger,
    BotMetrics? metrics = null,
    Media.MediaReceiver? media = null,
    Media.MediaCleanup? mediaCleanup = null,
    QuestionnaireAhead? questionnaireAhead = null) : IInboundProcessor, IInboundBatchProcessor
{
    private const string UpdateSavepoint = "inbound_update";
    private static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    public async Task ProcessAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var result = await CommitBatchAsync([message], cancellationToken);
        if (result.Failures.Count > 0)
        {
            ExceptionDispatchInfo.Throw(result.Failures[0].Exception);
        }

        await result.Delivered.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InboundFailure>> ProcessBatchAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        var result = await CommitBatchAsync(messages, cancellationToken);
        await result.Delivered.WaitAsync(cancellationToken);
        return result.Failures;
    }

    public async Task<InboundBatchResult> CommitBatchAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        var failures = new List<InboundFailure>();
        var typingTimers = messages.Select(typing.StartFor).ToList();
        Task? delivered = null;
        try
        {
            messages = await ReceiveMediaAsync(messages, cancellationToken);
            using (await gate.EnterAsync(cancellationToken))
            {
                delivered = await ApplyAsync(messages, failures, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && messages.Count > 1)
        {
            LogBatchFailed(e, messages.Count);
        }
        finally
        {
            typingTimers.ForEach(t => t.Dispose());
        }

        if (delivered is null)
        {
            // The shared commit failed, so nothing of the batch is stored: one at a time, so only an update that
            // really fails is refused.
            db.ChangeTracker.Clear();
            var single = new List<InboundFailure>();
            var deliveries = new List<Task>();
            foreach (var message in messages)
            {
                var result = await CommitBatchAsync([message], cancellationToken);
                single.AddRange(result.Failures);
                deliveries.Add(result.Delivered);
            }

            return new InboundBatchResult(single, Task.WhenAll(deliveries));
        }

        return new InboundBatchResult(failures, delivered);
    }

    /// <summary>
    /// Applies the batch in order inside one transaction; returns after the commit, with the replies queued for
    /// delivery (the task completes when they are sent). Callers hold the write gate.
    /// </summary>
    private async Task<Task> ApplyAsync(IReadOnlyList<InboundMessage> messages, List<InboundFailure> failures, CancellationToken ct)
    {
        var seen = await KnownUpdateKeysAsync(messages, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Each update gets its own savepoint below; EF's extra one around every SaveChanges would only add statements.
        db.Database.AutoSavepointsEnabled = false;
        var senders = await SenderRows.ReadAsync(db, messages
            .Where(m => !m.IsGroup && m.Content is not ChatMovedInput && !seen.Contains(m.UpdateKey)).Select(m => m.Address), ct);
        var steps = questionnaireAhead?.Start(messages.Where(m => !seen.Contains(m.UpdateKey)).ToList(), senders);
        var committed = new List<OutboxMessage>();
        var released = new List<string>();
        // Compared with file times, which follow the machine's clock.
        var started = DateTimeOffset.UtcNow;
        try
        {
            foreach (var message in messages)
            {
                if (!seen.Add(message.UpdateKey))
                {
                    LogDuplicate(message.Channel, db.Protection.Hash(message.UpdateKey));
                    metrics?.UpdateDuplicate(message.Channel);
                    continue;
                }

                await transaction.CreateSavepointAsync(UpdateSavepoint, ct);
                try
                {
                    committed.AddRange(await ApplyOneAsync(message, senders, steps, ct));
                    await transaction.ReleaseSavepointAsync(UpdateSavepoint, ct);
                    released.AddRange(db.ReleasedMedia);
                    metrics?.UpdateProcessed(message.Channel);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // What it wrote is rolled back, but what it changed in memory may be anywhere: nothing read
                    // ahead is trusted after it.
                    db.SenderWrites?.MarkAll();
                    await transaction.RollbackToSavepointAsync(UpdateSavepoint, ct);
                    await transaction.ReleaseSavepointAsync(UpdateSavepoint, ct);
                    failures.Add(new InboundFailure(message, e));
                    metrics?.UpdateFailed(message.Channel);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                    db.ReleasedMedia.Clear();
                }
            }
        }
        finally
        {
            db.StopWatchingSenderWrites();
            steps?.Abandon();
        }

        await transaction.CommitAsync(ct);
        if (released.Count > 0 && mediaCleanup is not null)
        {
            try
            {
                // Still under the write gate: no other update can commit a new reference to these files meanwhile.
                await mediaCleanup.DeleteReleasedAsync(db, released, started, ct);
            }
            catch (Exception e)
            {
                // Committed already: the replies must still go out. A file left behind is the retention sweep's.
                LogMediaCleanupFailed(e.GetType().Name);
            }
        }

        return await delivery.EnqueueCommittedAsync(db, committed);
    }

    /// <summary>One update's effects and replies, saved (not yet committed).</summary>
    private async Task<List<OutboxMessage>> ApplyOneAsync(InboundMessage message, SenderRows senders, QuestionnaireAhead.Steps? steps,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (message.Content is ChatMovedInput moved)
        {
            // The channel's notice, not the person's words: nobody is made from it and nothing is answered.
            await ChatMoves.MoveAsync(db, message, moved, now, ct);
            db.InboundUpdates.Add(new InboundUpdate { UpdateKey = db.Protection.Hash(message.UpdateKey), ProcessedAt = now });
            await db.SaveChangesAsync(ct);
            return [];
        }

        // A group is nobody's: no person is made or changed from it, and only public answers are tried there.
        var (person, joined) = message.IsGroup ? (GroupMember(), false) : await FindOrCreatePersonAsync(message, senders, now, ct);
        var context = new UpdateContext(message, person, db) { Content = message.HandlerContent, ReadAhead = senders, StepsAhead = steps };
        if (joined)
        {
            await PersonPhones.AnnounceNewAddressAsync(context, ct);
        }

        await router.RouteAsync(context, ct);
        // The open session changes on nearly every update: its step is written by one reused statement, not EF's save.
        if (context.Session is { } session)
        {
            await db.TryUpdateHotAsync(db.Entry(session), SessionStore.StepColumns, ct);
        }

        // What the handler changed (the person, anything else) first: the rows below are not tracked.
        await db.SaveChangesAsync(ct);
        // Kept as a keyed hash: a WhatsApp message id encodes the sender's number, and deduplication only compares.
        await db.InsertUntrackedAsync(new InboundUpdate { UpdateKey = db.Protection.Hash(message.UpdateKey), ProcessedAt = now }, ct);
        var outbox = context.Replies.Select(r => (message.Address, Message: r.Language is null ? r with { Language = context.Language } : r))
            .Concat(context.Notices)
            .Select(r => new OutboxMessage
            {
                Address = r.Item1,
                PayloadJson = OutboxPayload.Serialize(r.Message),
                CreatedAt = now,
                Subject = r.Message.Subject,
            }).ToList();
        foreach (var row in outbox)
        {
            outboxStore.ClaimNew(row, now);
            await db.InsertUntrackedAsync(row, ct);
        }

        return outbox;
    }

    /// <summary>
    /// Pictures are downloaded into the store before the write gate is entered: a download takes long next to a write.
    /// An update already processed (a redelivery) is not downloaded again.
    /// </summary>
    private async Task<IReadOnlyList<InboundMessage>> ReceiveMediaAsync(IReadOnlyList<InboundMessage> messages, CancellationToken ct)
    {
        if (media is null || !messages.Any(Media.MediaReceiver.NeedsFetch))
        {
            return messages;
        }

        var seen = await KnownUpdateKeysAsync(messages.Where(Media.MediaReceiver.NeedsFetch).ToList(), ct);
        var received = new List<InboundMessage>(messages.Count);
        foreach (var message in messages)
        {
            received.Add(seen.Contains(message.UpdateKey) ? message : await media.ReceiveAsync(message, ct));
        }

        return received;
    }

    /// <summary>Keys of the batch already processed earlier: one query for the whole batch.</summary>
    private async Task<HashSet<string>> KnownUpdateKeysAsync(IReadOnlyList<InboundMessage> messages, CancellationToken ct)
    {
        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            byHash[db.Protection.Hash(message.UpdateKey)] = message.UpdateKey;
        }

        var hashes = byHash.Keys.ToList();
        var known = await db.InboundUpdates.AsNoTracking().Where(u => hashes.Contains(u.UpdateKey)).Select(u => u.UpdateKey).ToListAsync(ct);
        return new HashSet<string>(known.Select(h => byHash[h]), StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Channel} update {UpdateKey}: already processed")]
    private partial void LogDuplicate(string channel, string updateKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored photos released by a commit could not be deleted now ({Failure}); the retention pass will")]
    private partial void LogMediaCleanupFailed(string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} updates could not be committed together; processing them one by one")]
    private partial void LogBatchFailed(Exception exception, int count);
}
