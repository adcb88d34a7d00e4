using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>The 16-digit population number, checked against the regions and the day; shown masked.</summary>
internal sealed class NikType : QuestionTypeBase
{
    public override string Name => QuestionType.Nik;

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context) =>
        FromParsed(NikParser.Parse(text, context.Regions, context.Today), v => v.Digits);

    public override string Display(Question question, string value, QuestionContext context) => NikParser.Mask(value);
}
