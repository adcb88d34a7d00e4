namespace PLKumkm.Bot.Webhooks;

/// <summary>A queued body with the updates read from it.</summary>
internal sealed class QueuedBody(long id, string channel, IReadOnlyList<WebhookUpdate> updates, int attempts)
{
    public long Id { get; } = id;
    public string Channel { get; } = channel;
    public IReadOnlyList<WebhookUpdate> Updates { get; } = updates;

    /// <summary>Chat keys are qualified by channel: a Telegram chat and a WhatsApp chat never share a lane.</summary>
    public HashSet<string> Chats { get; } =
        updates.Where(u => u.Message is not null).Select(u => channel + ":" + u.ChatKey).ToHashSet(StringComparer.Ordinal);

    /// <summary>May share a group commit with other bodies (see <see cref="OneMessagePerChat"/>); set by the drain.</summary>
    public bool Batchable { get; init; }

    /// <summary>
    /// At most one message per chat (every Telegram body, nearly every WhatsApp one). A body with two messages of one
    /// chat runs alone, so a failed first one holds back the second.
    /// </summary>
    public static bool OneMessagePerChat(IReadOnlyList<WebhookUpdate> updates)
    {
        var chats = updates.Where(u => u.Message is not null).Select(u => u.ChatKey).ToList();
        return chats.Count == chats.Distinct(StringComparer.Ordinal).Count();
    }

    public int Attempts { get; set; } = attempts;
    public DateTimeOffset NotBefore { get; set; }

    /// <summary>Another instance's claim as last seen (several instances on one database).</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>Another instance drains it now: its chats wait here until it is done (or the claim runs out).</summary>
    public bool ClaimedByOther(Storage.BotInstance me, DateTimeOffset now) => ClaimedBy is not null && ClaimedBy != me.Id && ClaimedUntil > now;
}
