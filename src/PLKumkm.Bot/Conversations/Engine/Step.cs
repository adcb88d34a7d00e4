using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine.Stages;
using PLKumkm.Bot.Conversations.Types;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>One message being handled: the session it moves, the replies and events it produces.</summary>
internal sealed class Step(
    Questionnaire questionnaire, SessionState session, QuestionTypes types, DateOnly today, IReadOnlyDictionary<SessionStage, IStageHandler> stages)
{
    public Questionnaire Questionnaire { get; } = questionnaire;
    public SessionState Session { get; } = session;
    public QuestionTypes Types { get; } = types;
    public List<OutboundMessage> Messages { get; } = [];
    public List<EngineEvent> Events { get; } = [];

    public string Language => Session.Language;

    /// <summary>The message being handled, as the caller refers to it (opaque here); null when it has none.</summary>
    public string? MessageId { get; init; }

    /// <summary>The question being asked, if any.</summary>
    public Question? Current => Session.CurrentQuestionId is { } id ? Questionnaire.Find(id) : null;

    /// <summary>The current stage's handler.</summary>
    public IStageHandler Stage => stages[Session.Stage];

    public ChatTurn Turn => Types.Turn(Session, today);

    public void Say(string text) => Messages.Add(new OutboundMessage(text));

    public void Say(OutboundMessage message) => Messages.Add(message);

    /// <summary>Repeats where the person is now (the question, the summary, the notice, the cancel question).</summary>
    public void Reprompt() => Stage.Reprompt(this);

    public EngineResult Result() => new(Session, Messages, Events);
}
