using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>What one step of the engine produced: the new session, the replies, and what happened.</summary>
internal sealed record EngineResult(SessionState Session, IReadOnlyList<OutboundMessage> Messages, IReadOnlyList<EngineEvent> Events);

internal abstract record EngineEvent;

/// <summary>The person agreed to the notice of this version.</summary>
internal sealed record ConsentGiven(string NoticeVersion) : EngineEvent;

internal sealed record ConsentDeclined(string NoticeVersion) : EngineEvent;

/// <summary>The person confirmed the summary; the answers that apply are ready to be stored.</summary>
internal sealed record SubmissionReady(Questionnaire Questionnaire, IReadOnlyDictionary<string, string> Answers) : EngineEvent;

internal sealed record SessionCancelled : EngineEvent;
