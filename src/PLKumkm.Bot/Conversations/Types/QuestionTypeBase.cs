using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>
/// What most question types share, so a type states only what is its own: raw text is cleaned and an empty answer
/// refused before <see cref="ReadCleaned"/>; in the chat a button carries <c>questionId=value</c> and picks an option,
/// typed text is read as <see cref="Read"/> reads it, and a contact, location or photo belongs to other questions.
/// </summary>
internal abstract class QuestionTypeBase : IQuestionType
{
    public abstract string Name { get; }

    public virtual QuestionKeys Keys => QuestionKeys.None;

    public virtual string? StoredId => null;

    public virtual bool ValuesAreOptions => false;

    public virtual bool FewDistinctValues => false;

    public virtual bool PromptShowsCurrentAnswer => true;

    public virtual IReadOnlyList<ChoiceOption> Options(QuestionSpec spec)
    {
        if (spec.Dto.Options is { Count: > 0 })
        {
            spec.Refuse(QuestionKeys.Options, "'options' only apply to {0} questions");
        }

        return [];
    }

    public virtual void Check(QuestionSpec spec, Question question)
    {
    }

    public virtual AnswerReading Read(Question question, string text, QuestionContext context)
    {
        var cleaned = TextNormalizer.Clean(text);
        return cleaned.Length == 0 ? new AnswerReading.Rejected(EngineTexts.Empty) : ReadCleaned(question, cleaned, context);
    }

    /// <summary>Reads an answer already cleaned (white space folded, control characters gone) and not empty.</summary>
    protected abstract AnswerReading ReadCleaned(Question question, string text, QuestionContext context);

    public virtual AnswerReading Answer(Question question, InboundContent input, ChatTurn turn) => input switch
    {
        ContactInput contact => AnswerContact(contact, turn),
        LocationInput location => AnswerLocation(location, turn),
        PhotoInput photo => AnswerPhoto(photo, turn),
        ChoiceInput choice => choice.Value.StartsWith(question.Id + "=", StringComparison.Ordinal)
            ? AnswerButton(question, choice.Value[(question.Id.Length + 1)..], turn)
            : new AnswerReading.Rejected(EngineTexts.StaleButton),
        TextInput text => AnswerText(question, text.Text, turn),
        _ => new AnswerReading.Rejected(EngineTexts.Empty),
    };

    /// <summary>A button of this question pressed, its value without the question id.</summary>
    protected virtual AnswerReading AnswerButton(Question question, string value, ChatTurn turn) =>
        question.FindOption(value) is { } option
            ? new AnswerReading.Accepted(option.Value)
            : new AnswerReading.Rejected(EngineTexts.StaleButton);

    protected virtual AnswerReading AnswerText(Question question, string text, ChatTurn turn) => Read(question, text, turn.Context);

    protected virtual AnswerReading AnswerContact(ContactInput contact, ChatTurn turn) => new AnswerReading.Rejected(EngineTexts.NotAPhoneQuestion);

    protected virtual AnswerReading AnswerLocation(LocationInput location, ChatTurn turn) => new AnswerReading.Rejected(EngineTexts.NotALocationQuestion);

    protected virtual AnswerReading AnswerPhoto(PhotoInput photo, ChatTurn turn) => new AnswerReading.Rejected(EngineTexts.NotAPhotoQuestion);

    public virtual OutboundMessage Prompt(Question question, OutboundMessage asked, ChatTurn turn) =>
        question.Options.Count > 0 ? asked with { Options = Prompts.OptionButtons(question, turn.Language) } : asked;

    public virtual OutboundMessage? Back(Question question, ChatTurn turn) => null;

    public virtual OutboundMessage? Retry(Question question, ChatTurn turn) => null;

    public virtual string Display(Question question, string value, QuestionContext context) => value;

    /// <summary>A parser's result as a reading: its canonical form, its warning as the note, or its error.</summary>
    protected static AnswerReading FromParsed<T>(Parsed<T> parsed, Func<T, string> canonical) =>
        parsed.Ok
            ? new AnswerReading.Accepted(canonical(parsed.Value!), parsed.Warning)
            : new AnswerReading.Rejected(parsed.Error!);
}
