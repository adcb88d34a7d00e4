using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging.Commands;
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

    /// <summary>The update's /command matched against the command table (parsed once, by the router); null for plain
    /// input.</summary>
    public CommandCall? Command { get; set; }

    /// <summary>The person's open questionnaire, looked up once by the router (private chats only); null when none.</summary>
    public ConversationSession? Session { get; set; }

    /// <summary>The batch's senders read ahead; null when the update is handled alone (a tool, a test).</summary>
    public SenderRows? ReadAhead { get; init; }

    /// <summary>The batch's questionnaire steps worked out beside the writer; null outside a batch.</summary>
    public QuestionnaireAhead.Steps? StepsAhead { get; init; }

    /// <summary>The arguments of the update's /command ("" for none, or for plain input).</summary>
    public string Arguments => Command?.Arguments ?? "";

    /// <summary>Messages to other chats (a person's other accounts, a claimant told of a decision), stored and sent
    /// with the replies.</summary>
    public List<(string Address, OutboundMessage Message)> Notices { get; } = [];

    public string Language => Person.Language;

    /// <summary>The text of the update when it is text (a button press carrying a command counts too).</summary>
    public string? Text => Content is TextInput t ? t.Text : null;

    /// <summary>The sender's open session: read ahead with the batch when still current, else looked up.</summary>
    public Task<ConversationSession?> FindActiveSessionAsync(CancellationToken ct) =>
        ReadAhead is { } rows && rows.TryTakeSession(Person.Id, out var session)
            ? Task.FromResult(session)
            : SessionStore.FindActiveAsync(Db, Person.Id, ct);

    public void Reply(OutboundMessage message) => Replies.Add(message);

    public void Reply(UserText text) => Replies.Add(new OutboundMessage(text.In(Language)));

    public void Reply(string text) => Replies.Add(new OutboundMessage(text));

    /// <summary>A notice may reach someone who has not written for days: outside WhatsApp's window it goes out as the
    /// <see cref="OutboundMessage.NoticeTemplate"/> kind of template (or the default one).</summary>
    public void Notify(string address, OutboundMessage message) =>
        Notices.Add((address, message.Template is null ? message with { Template = OutboundMessage.NoticeTemplate } : message));
}

/// <summary>
/// A feature that answers an update (a command, a quick entry, a progress question, the questionnaire…), reached
/// through its entry in the command table (<see cref="ChatCommands"/>), which also says where and for whom.
/// True when it owns the update; false lets the router go on.
/// </summary>
internal interface IMessageHandler
{
    Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken);
}
