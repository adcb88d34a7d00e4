namespace PLKumkm.Bot.Messaging;

/// <summary>What one round of sending did, collected from several chats sent at once.</summary>
internal sealed class DeliveryOutcome
{
    private readonly Lock _lock = new();
    private readonly List<long> _sent = [];
    private readonly List<(long Id, string Error)> _failed = [];

    public IReadOnlyList<long> Sent => _sent;

    public IReadOnlyList<(long Id, string Error)> Failed => _failed;

    public bool IsEmpty => _sent.Count == 0 && _failed.Count == 0;

    public void AddSent(long id)
    {
        lock (_lock)
        {
            _sent.Add(id);
        }
    }

    public void AddFailed(long id, string error)
    {
        lock (_lock)
        {
            _failed.Add((id, error));
        }
    }
}
