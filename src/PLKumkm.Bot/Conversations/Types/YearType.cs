using System.Globalization;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>A year from <c>min</c> (1900 unless written) to this year.</summary>
internal sealed class YearType : QuestionTypeBase
{
    public override string Name => QuestionType.Year;

    public override QuestionKeys Keys => QuestionKeys.MinMax;

    public override bool FewDistinctValues => true;

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context) =>
        FromParsed(YearParser.Parse(text, context.Today.Year, (int)(question.Min ?? 1900)), v => v.ToString(CultureInfo.InvariantCulture));
}
