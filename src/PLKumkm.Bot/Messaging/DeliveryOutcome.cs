namespace PLKumkm.Bot.Messaging;

/// <summary>What one round of sending did, collected from several chats sent at once.</summary>
internal sealed class DeliveryOutcome
{
    private readonly Lock _lock = new();
    private readonly List<long> _sent = [];
    private readonly List<(long Id, string Error)> _failed = [];
    private readonly List<GivenUpDelivery> _givenUp = [];
    private readonly Dictionary<long, string> _channelIds = [];
    private readonly List<long> _forgetOnceSent = [];

    public IReadOnlyList<long> Sent => _sent;

    public IReadOnlyList<(long Id, string Error)> Failed => _failed;

    /// <summary>Replies that will not be retried (<see cref="DeliveryFailure.Permanent"/>, <see cref="DeliveryFailure.Unreachable"/>).</summary>
    public IReadOnlyList<GivenUpDelivery> GivenUp => _givenUp;

    /// <summary>The id the channel gave a sent reply, when it gives one (a WhatsApp wamid): what its statuses refer to.</summary>
    public IReadOnlyDictionary<long, string> ChannelIds => _channelIds;

    /// <summary>Sent replies that are not kept as they were (<see cref="OutboxStore.ForgottenOnceSent"/>): found while
    /// their clear payload is at hand, so marking a round sent reads back only these, not every reply.</summary>
    public IReadOnlyList<long> ForgetOnceSent => _forgetOnceSent;

    public bool IsEmpty => _sent.Count == 0 && _failed.Count == 0 && _givenUp.Count == 0;

    public void AddSent(long id, string? channelId = null, bool forget = false)
    {
        lock (_lock)
        {
            _sent.Add(id);
            if (forget)
            {
                _forgetOnceSent.Add(id);
            }

            if (channelId is not null)
            {
                _channelIds[id] = channelId;
            }
        }
    }

    public void AddGivenUp(GivenUpDelivery delivery)
    {
        lock (_lock)
        {
            _givenUp.Add(delivery);
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
