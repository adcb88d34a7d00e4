using System.Collections.Concurrent;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// Chats with an older reply still unsent (a failed delivery, or left over by a crash). Their newer replies are not
/// sent live but wait in the outbox, so the backlog, sent oldest first, is never overtaken; once it is empty the chat
/// is released and goes live again.
/// </summary>
internal sealed class StalledChats
{
    private readonly ConcurrentDictionary<string, byte> _addresses = new(StringComparer.Ordinal);

    public int Count => _addresses.Count;

    public bool Contains(string address) => _addresses.ContainsKey(address);

    public void Stall(string address) => _addresses[address] = 0;

    public void Release(string address) => _addresses.TryRemove(address, out _);

    public IReadOnlyList<string> Snapshot() => [.. _addresses.Keys];

    /// <summary>The messages whose chat is not stalled, which may be sent now.</summary>
    public List<OutboxMessage> Live(IEnumerable<OutboxMessage> messages) => [.. messages.Where(m => !Contains(m.Address))];
}
