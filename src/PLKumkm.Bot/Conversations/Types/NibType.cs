using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>The 13-digit business licence number (Nomor Induk Berusaha).</summary>
internal sealed class NibType : QuestionTypeBase
{
    public override string Name => QuestionType.Nib;

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context) =>
        FromParsed(NibParser.Parse(text), v => v);
}
