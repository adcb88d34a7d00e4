using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>One inbound update being handled: who sent it, the open unit of work, and the replies so far.</summary>
internal sealed class UpdateContext(InboundMessage message, Person person, BotDbContext db)
{
    public InboundMessage Message { get; } = message;
    public InboundContent Content { get; set; } = message.Content;
    public Person Person { get; } = person;
    public BotDbContext Db { get; } = db;
    public List<OutboundMessage> Replies { get; } = [];

    /// <summary>Messages to other chats (a person's other accounts, a claimant told of a decision), stored and sent
    /// with the replies.</summary>
    public List<(string Address, OutboundMessage Message)> Notices { get; } = [];

    public string Language => Person.Language;

    /// <summary>The text of the update when it is text (a button press carrying a command counts too).</summary>
    public string? Text => Content is TextInput t ? t.Text : null;

    public void Reply(OutboundMessage message) => Replies.Add(message);

    public void Reply(UserText text) => Replies.Add(new OutboundMessage(text.In(Language)));

    public void Reply(string text) => Replies.Add(new OutboundMessage(text));

    public void Notify(string address, OutboundMessage message) => Notices.Add((address, message));
}

/// <summary>
/// A feature that may answer an update (a command, a quick entry, a progress question, the questionnaire…).
/// Handlers are tried by <see cref="Order"/>; the first that returns true owns the update.
/// </summary>
internal interface IMessageHandler
{
    int Order { get; }

    /// <summary>
    /// True for the few handlers that may answer in a group or channel (public figures and the group's own help).
    /// Everything else is for a person in a private chat and is never tried there.
    /// </summary>
    bool AnswersInGroups => false;

    Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken);
}
