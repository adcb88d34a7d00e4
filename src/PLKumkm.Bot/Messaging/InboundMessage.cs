namespace PLKumkm.Bot.Messaging;

/// <summary>
/// One update from any channel, translated into a channel-neutral shape.
/// <see cref="UpdateKey"/> is unique per channel update and is what makes processing idempotent.
/// <see cref="SenderPhone"/> (E.164) is set only by channels whose address proves the sender's number
/// (WhatsApp); it links a new address to the person already known by that phone.
/// A message from a group or channel (<see cref="IsGroup"/>) belongs to no person: replies go to the chat,
/// and only public answers are given there.
/// </summary>
internal sealed record InboundMessage(
    string Channel,
    string ChatId,
    string UpdateKey,
    DateTimeOffset SentAt,
    InboundContent Content,
    string? SenderName = null,
    string? SenderPhone = null)
{
    /// <summary>The chat's address on that channel, e.g. <c>telegram:123</c>: where replies go. In a private chat it
    /// is also the person's address.</summary>
    public string Address => ChannelAddress.Of(Channel, ChatId);

    /// <summary>
    /// The channel proves its senders' numbers but withheld this one's (a WhatsApp username): nothing that needs a
    /// proven phone (staff sign-in, "use my number") can be offered, and a typed number stays unproven.
    /// </summary>
    public bool PhoneWithheld { get; init; }

    /// <summary>True when the chat is shared by several people (a Telegram group, supergroup or channel).</summary>
    public bool IsGroup { get; init; }

    /// <summary>The channel's id of the message the person sent (Telegram message_id, WhatsApp wamid), unique within the
    /// chat; null when there is none to refer to later (a button press).</summary>
    public string? MessageId { get; init; }

    /// <summary>Set when this update is an edit: the id (as <see cref="MessageId"/>) of the message the person changed;
    /// <see cref="Content"/> is what it says now.</summary>
    public string? EditsMessageId { get; init; }

    /// <summary>The content as handlers see it, without channel details: a button carrying a command (e.g. "/start")
    /// behaves as if it had been typed.</summary>
    public InboundContent HandlerContent => Content switch
    {
        ChoiceInput { Value: ['/', ..] } choice => new TextInput(choice.Value),
        var content => content,
    };

    /// <summary>The channel's profile name, cleaned: a right-to-left override in it would turn the name around wherever
    /// it is shown. Null when nothing is left.</summary>
    public string? CleanSenderName =>
        SenderName is { } name && Conversations.Engine.TextNormalizer.Clean(name) is { Length: > 0 } clean ? clean : null;

    /// <summary>A message id qualified by the chat, so ids from different channels and chats never meet.</summary>
    public string? Reference(string? messageId) => messageId is null ? null : $"{Address}/{messageId}";
}

internal static class ChannelAddress
{
    public static string Of(string channel, string chatId) => $"{channel}:{chatId}";

    public static (string Channel, string ChatId) Split(string address)
    {
        var i = address.IndexOf(':', StringComparison.Ordinal);
        return i < 0 ? (address, "") : (address[..i], address[(i + 1)..]);
    }
}

internal abstract record InboundContent;

/// <summary>Typed text (commands included).</summary>
internal sealed record TextInput(string Text) : InboundContent;

/// <summary>A press on a button the bot offered; <see cref="Value"/> is the option's value.</summary>
internal sealed record ChoiceInput(string Value) : InboundContent;

/// <summary>A shared contact. <see cref="IsSendersOwn"/> is true only when the channel proves the
/// contact belongs to the sender (Telegram: contact.user_id == from.id).</summary>
internal sealed record ContactInput(string PhoneNumber, bool IsSendersOwn) : InboundContent;

internal sealed record LocationInput(double Latitude, double Longitude) : InboundContent;

/// <summary>
/// A picture. From the channel <see cref="FileRef"/> is the channel's file reference (Telegram file_id, WhatsApp media
/// id, a console path); before any handler sees it the pipeline has fetched it into the media store, and then it is the
/// stored file's reference (<c>sha256:…</c>, <see cref="IsStored"/>) or <see cref="Problem"/> says why it is not there.
/// </summary>
internal sealed record PhotoInput(string FileRef, string? Caption = null) : InboundContent
{
    public bool IsStored { get; init; }

    public MediaProblem? Problem { get; init; }
}

internal enum MediaProblemKind
{
    /// <summary>Larger than <c>Media:MaxBytes</c>.</summary>
    TooLarge,

    /// <summary>Not a JPEG, PNG or WebP picture.</summary>
    NotAPhoto,

    /// <summary>The download failed (network, a deleted media id, a refused token).</summary>
    NotReceived,
}

/// <summary>Why a picture was not kept; <see cref="LimitBytes"/> is the size limit for <see cref="MediaProblemKind.TooLarge"/>.</summary>
internal sealed record MediaProblem(MediaProblemKind Kind, long LimitBytes = 0);

/// <summary>Anything the bot cannot read (sticker, voice note, video…): answered politely.</summary>
internal sealed record UnsupportedInput(string Kind) : InboundContent;

/// <summary>
/// The channel says the sender now has another id (WhatsApp <c>user_changed_number</c>: their new number, proven by
/// WhatsApp; <c>user_changed_user_id</c>: their new business-scoped id). Not something the person said: nothing is
/// answered, the person simply moves to <see cref="NewChatId"/> with their sessions and proofs.
/// </summary>
internal sealed record ChatMovedInput(string NewChatId, string? NewPhone) : InboundContent;
