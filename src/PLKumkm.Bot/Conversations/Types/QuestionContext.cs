using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>What reading or showing an answer may depend on besides the question: region data, earlier answers, language, the day.</summary>
internal sealed record QuestionContext(
    RegionCatalog Regions, RegionAliases Aliases, IReadOnlyDictionary<string, string> Answers, string Language, DateOnly Today);

/// <summary>One chat message at one question: the session (whose question state a type may move) and its context.</summary>
internal sealed record ChatTurn(SessionState Session, QuestionContext Context)
{
    public string Language => Session.Language;
}
