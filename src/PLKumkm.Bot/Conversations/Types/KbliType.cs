using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>
/// A KBLI 2020 code or section letter (the written options are the sections, chosen by letter or name, never by
/// number: a number is a code). In the chat the owner's own words are looked up (<see cref="KbliChooser"/>).
/// </summary>
internal sealed class KbliType : QuestionTypeBase
{
    public override string Name => QuestionType.Kbli;

    public override QuestionKeys Keys => QuestionKeys.Options;

    public override bool FewDistinctValues => true;

    public override IReadOnlyList<ChoiceOption> Options(QuestionSpec spec) => spec.Dto.Options is { Count: > 0 } ? spec.WrittenOptions() : [];

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context)
    {
        var option = OptionMatcher.Match(question, text, byNumber: false);
        return FromParsed(KbliParser.Parse(option?.Value ?? text), v => v.ToString());
    }

    protected override AnswerReading AnswerButton(Question question, string value, ChatTurn turn) =>
        KbliChooser.ReadButton(question, value, turn.Session)
        ?? (question.FindOption(value) is { } option
            ? FromParsed(KbliParser.Parse(option.Value), v => v.ToString())
            : new AnswerReading.Rejected(EngineTexts.StaleButton));

    protected override AnswerReading AnswerText(Question question, string text, ChatTurn turn) =>
        KbliChooser.ReadText(question, text, turn.Session) ?? Read(question, text, turn.Context);

    public override OutboundMessage Prompt(Question question, OutboundMessage asked, ChatTurn turn) =>
        KbliChooser.Prompt(base.Prompt(question, asked, turn), question, turn.Session);

    public override string Display(Question question, string value, QuestionContext context)
    {
        if (Kbli.KbliCatalog.Default.Find(value) is { IsLeaf: true })
        {
            return KbliChooser.Display(value);
        }

        var section = value.Length > 0 && char.IsLetter(value[0]) ? value[0] : KbliParser.Parse(value).Value?.Section;
        return section is null ? value : $"{value} ({KbliSections.ShortTitle(section.Value).In(context.Language)})";
    }
}
