namespace PLKumkm.Bot.Messaging;

/// <summary>
/// What the bot says, channel-neutral. <see cref="Text"/> is plain text (adapters escape it);
/// options become buttons (Telegram inline keyboard, WhatsApp buttons/lists, numbered console lines).
/// </summary>
internal sealed record OutboundMessage(string Text)
{
    public IReadOnlyList<ReplyOption> Options { get; init; } = [];

    /// <summary>Ask the channel for a special reply widget (share contact / share location).</summary>
    public ReplyRequest Request { get; init; } = ReplyRequest.None;

    /// <summary>A picture to send with <see cref="Text"/> as caption (PNG bytes).</summary>
    public Attachment? Attachment { get; init; }

    /// <summary>The reader's language, for the words a channel adds of its own (share buttons, hints); null is
    /// Indonesian. Replies get their person's language when they are stored.</summary>
    public string? Language { get; init; }

    /// <summary>The language the channel's own words are in.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ShownLanguage => Language ?? Core.Languages.Indonesian;

    /// <summary>Whom or what the message is about (<see cref="OutboxSubjects"/>), kept beside it in the outbox, not in its
    /// payload: how an erasure finds it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Subject { get; init; }

    /// <summary>
    /// The kind of approved template (<c>WhatsApp:Templates:&lt;kind&gt;</c>, e.g. <c>reminder</c>) this message goes out as
    /// when the person's WhatsApp window is closed; null is the channel's default kind.
    /// </summary>
    public string? Template { get; init; }

    /// <summary>The template kind of messages to other chats than the one that wrote (<see cref="UpdateContext.Notify"/>).</summary>
    public const string NoticeTemplate = "notice";

    /// <summary>The template's body parameter values, in order; null lets the channel fill the default template's.</summary>
    public IReadOnlyList<string>? TemplateParameters { get; init; }

    /// <summary>
    /// Set when the channel reported the window closed after the message was accepted (a failed status 131047): the
    /// next attempt goes out as its template straight away, or not at all.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool WindowClosed { get; init; }

    public static OutboundMessage Plain(string text) => new(text);
}

/// <summary>
/// A button. <see cref="Value"/> must fit Telegram's 64-byte callback data. <see cref="Key"/>, when set, is the
/// word that stands for the button where buttons are typed (the console): a message whose text numbers things
/// of its own (the summary's answers) gives its buttons keys, so typed numbers keep the text's meaning.
/// </summary>
internal sealed record ReplyOption(string Label, string Value, string? Key = null);

internal enum ReplyRequest
{
    None,
    Contact,
    Location,

    /// <summary>A way from a group into a private chat with the bot (Telegram: a <c>t.me</c> deep-link button).</summary>
    PrivateChat,
}

internal sealed record Attachment(string FileName, string MediaType, byte[] Content)
{
    public bool IsImage => MediaType.StartsWith("image/", StringComparison.Ordinal);
}
