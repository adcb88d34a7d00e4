using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>One of the written options, by button, number, label or synonym.</summary>
internal class ChoiceType : QuestionTypeBase
{
    public override string Name => QuestionType.Choice;

    public override QuestionKeys Keys => QuestionKeys.Options;

    public override bool ValuesAreOptions => true;

    public override bool FewDistinctValues => true;

    public override IReadOnlyList<ChoiceOption> Options(QuestionSpec spec) => WrittenChoices(spec);

    /// <summary>The written options of a question that needs some to choose from.</summary>
    public static IReadOnlyList<ChoiceOption> WrittenChoices(QuestionSpec spec)
    {
        if (spec.Dto.Options is not { Count: >= 2 })
        {
            spec.Fail("a choice question needs at least two 'options'");
        }

        return spec.WrittenOptions();
    }

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context) =>
        OptionMatcher.Match(question, text) is { } chosen
            ? new AnswerReading.Accepted(chosen.Value)
            : OptionMatcher.Rejected(question, text);

    // The chat alone asks back when the sex chosen disagrees with the NIK; quick entry and import take what they are given.
    public override AnswerReading Answer(Question question, InboundContent input, ChatTurn turn)
    {
        var reading = base.Answer(question, input, turn);
        return reading is AnswerReading.Accepted accepted && SexCheck.Disagreement(question, accepted.Value, turn.Session) is { } disagreement
            ? new AnswerReading.Unsure(accepted.Value, disagreement)
            : reading;
    }

    public override string Display(Question question, string value, QuestionContext context) =>
        OptionMatcher.Label(question, value, context.Language);
}
