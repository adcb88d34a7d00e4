using System.Globalization;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>A whole number (words and digits) within <c>min</c>/<c>max</c>, at most an earlier answer's (<c>max_from</c>).</summary>
internal sealed class IntegerType : QuestionTypeBase
{
    public override string Name => QuestionType.Integer;

    public override QuestionKeys Keys => QuestionKeys.MinMax | QuestionKeys.MaxFrom;

    public override bool FewDistinctValues => true;

    public override void Check(QuestionSpec spec, Question question)
    {
        if (question.MaxFrom is { } from && spec.Earlier(from)?.Type != Name)
        {
            spec.Fail("'max_from' must name an earlier integer question and apply to an integer question");
        }
    }

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context)
    {
        var upper = question.Max ?? long.MaxValue;
        if (question.MaxFrom is not null && long.TryParse(context.Answers.GetValueOrDefault(question.MaxFrom), out var limit))
        {
            upper = Math.Min(upper, limit);
        }

        return FromParsed(IntegerParser.Parse(text, question.Min ?? 0, upper), v => v.ToString(CultureInfo.InvariantCulture));
    }
}
