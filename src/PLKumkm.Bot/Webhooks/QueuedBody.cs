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

    public int Attempts { get; set; } = attempts;
    public DateTimeOffset NotBefore { get; set; }
}
