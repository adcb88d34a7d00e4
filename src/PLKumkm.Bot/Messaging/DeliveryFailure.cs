namespace PLKumkm.Bot.Messaging;

/// <summary>What a failed delivery means for the reply and for the address it was going to.</summary>
internal enum DeliveryFailure
{
    /// <summary>Passing (throttling, a 5xx, the network): tried again later, and the chat's later replies wait for it.</summary>
    Retry,

    /// <summary>
    /// This reply cannot go out as it is, and trying again cannot change that (e.g. outside WhatsApp's 24-hour window
    /// with no template for it): it is kept, marked failed with the reason, and never sent again.
    /// </summary>
    Permanent,

    /// <summary>
    /// The person cannot be reached at this address (blocked the bot, deleted their account, number undeliverable):
    /// the reply and everything else pending for the address are marked failed, and nothing is sent there until the
    /// person writes from it again.
    /// </summary>
    Unreachable,
}

/// <summary>A reply given up on in a round: failed for good, or not tried because its address is unreachable.</summary>
/// <param name="Attempted">False when it was not sent at all (its address was already unreachable).</param>
internal sealed record GivenUpDelivery(long Id, string Address, string Error, DeliveryFailure Failure, bool Attempted = true);
