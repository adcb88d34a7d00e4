using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Types;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>
/// Reads typed text as the answer to one question, for quick entry and import. Kept as thin delegates to the
/// question types (<see cref="QuestionTypes.Read(Question, string, IReadOnlyDictionary{string, string}, DateOnly)"/>)
/// until those readers call them directly.
/// </summary>
internal sealed class AnswerReader(RegionCatalog regions)
{
    private readonly QuestionTypes _types = new(regions);

    /// <summary>A typed answer (<see cref="TextInput"/>) read with the chat's rules; <paramref name="session"/> holds the earlier answers.</summary>
    public AnswerReading Read(Question question, InboundContent input, SessionState session, DateOnly today) =>
        input is TextInput text
            ? _types.Read(question, text.Text, session.Answers, today)
            : new AnswerReading.Rejected(EngineTexts.Empty);

    public static IEnumerable<string> OrderLikeOptions(Question question, IEnumerable<string> values) =>
        OptionMatcher.OrderLikeOptions(question, values);

    public static ChoiceOption? MatchOption(Question question, string text) => OptionMatcher.Match(question, text, question.Type != QuestionType.Kbli);

    public static ChoiceOption? Closest(Question question, string text) => OptionMatcher.Closest(question, text);

    public static UserText Format(UserText text, object arg) => text.Format(arg);
}
