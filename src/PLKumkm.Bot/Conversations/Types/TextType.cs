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

        if (question.ProperName)
        {
            // A name of digits alone ("1") is a button number typed where a name was asked, not a name.
            return text.Any(char.IsLetter)
                ? new AnswerReading.Accepted(NameCase.Tidy(text))
                : new AnswerReading.Rejected(EngineTexts.NameNeedsLetters);
        }

        return TextNormalizer.HasLetterOrDigit(text)
            ? new AnswerReading.Accepted(text)
            : new AnswerReading.Rejected(EngineTexts.NeedsLetters);
    }
}
