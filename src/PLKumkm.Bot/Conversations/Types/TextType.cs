using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>Free text up to <c>max_length</c> (200 unless written); a name (<c>proper_name: true</c>) in consistent capitals.</summary>
internal sealed class TextType : QuestionTypeBase
{
    private const int DefaultMaxLength = 200;

    public override string Name => QuestionType.Text;

    public override QuestionKeys Keys => QuestionKeys.ProperName;

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context)
    {
        var max = question.MaxLength ?? DefaultMaxLength;
        if (text.Length > max)
        {
            return new AnswerReading.Rejected(EngineTexts.TooLong.Format(max));
        }

        return TextNormalizer.HasLetterOrDigit(text)
            ? new AnswerReading.Accepted(question.ProperName ? NameCase.Tidy(text) : text)
            : new AnswerReading.Rejected(EngineTexts.NeedsLetters);
    }
}
