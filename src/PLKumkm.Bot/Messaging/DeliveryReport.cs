namespace PLKumkm.Bot.Messaging;

/// <summary>
/// A channel's later word on a message it accepted (WhatsApp <c>statuses[]</c>): <paramref name="ChannelMessageId"/> is
/// the id the send returned. <paramref name="Failure"/> is the channel's reading of <paramref name="ErrorCode"/> for a
/// failed status (null otherwise); <paramref name="WindowClosed"/> says the reply may still go out as a template.
/// </summary>
internal sealed record DeliveryReport(
    string Channel,
    string ChannelMessageId,
    string Status,
    int? ErrorCode = null,
    DeliveryFailure? Failure = null,
    bool WindowClosed = false)
{
    public bool IsFailed => Failure is not null;
}
