using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>
/// The question types at work: each question's plug-in with the region data it may need. The one entry point for
/// reading an answer outside the chat (quick entry, import): <see cref="Read(Question, string, IReadOnlyDictionary{string, string}, DateOnly)"/>.
/// </summary>
internal sealed class QuestionTypes(RegionCatalog regions, RegionAliases? aliases = null, QuestionTypeRegistry? registry = null)
{
    private readonly RegionAliases _aliases = aliases ?? RegionAliases.Empty;

    public QuestionTypeRegistry Registry { get; } = registry ?? QuestionTypeRegistry.Default;

    public IQuestionType Of(Question question) => Registry.Get(question.Type);

    /// <summary>
    /// Reads raw text as the answer to <paramref name="question"/>, with the chat's rules (parsers, limits, options).
    /// <paramref name="answers"/> are the earlier answers a question may refer to (<c>max_from</c>, <c>annualize_by</c>).
    /// </summary>
    public AnswerReading Read(Question question, string text, IReadOnlyDictionary<string, string> answers, DateOnly today) =>
        Of(question).Read(question, text, Context(answers, Languages.Indonesian, today));

    /// <summary>How a stored answer reads back to a person.</summary>
    public string Display(Question question, string value, string language, IReadOnlyDictionary<string, string> answers) =>
        Of(question).Display(question, value, Context(answers, language, default));

    /// <summary>Whether an import should remember the readings of this question's cells (few distinct values).</summary>
    public bool WorthRemembering(Question question) => Of(question).FewDistinctValues;

    public QuestionContext Context(IReadOnlyDictionary<string, string> answers, string language, DateOnly today) =>
        new(regions, _aliases, answers, language, today);

    public ChatTurn Turn(SessionState session, DateOnly today) => new(session, Context(session.Answers, session.Language, today));
}
