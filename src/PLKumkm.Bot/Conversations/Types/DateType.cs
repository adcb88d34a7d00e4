using System.Globalization;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>A date as people write it, stored <c>yyyy-MM-dd</c>, shown in words.</summary>
internal sealed class DateType : QuestionTypeBase
{
    private const string Stored = "yyyy-MM-dd";

    public override string Name => QuestionType.Date;

    public override bool FewDistinctValues => true;

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context) =>
        FromParsed(DateParser.Parse(text), v => v.ToString(Stored, CultureInfo.InvariantCulture));

    public override string Display(Question question, string value, QuestionContext context) =>
        DateOnly.TryParseExact(value, Stored, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateParser.Format(date, context.Language)
            : value;
}
