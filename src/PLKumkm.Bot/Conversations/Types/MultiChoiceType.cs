using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>
/// Several of the written options: typed at once (<c>1, 3</c>, <c>online; offline</c>), or toggled one button at a
/// time and finished with <i>Selesai</i> (also typed); stored as option values joined by commas in option order.
/// </summary>
internal sealed class MultiChoiceType : QuestionTypeBase
{
    public const string DoneValue = "_multi=done";

    public override string Name => QuestionType.MultiChoice;

    public override QuestionKeys Keys => QuestionKeys.Options;

    public override bool ValuesAreOptions => true;

    public override bool FewDistinctValues => true;

    public override IReadOnlyList<ChoiceOption> Options(QuestionSpec spec) => ChoiceType.WrittenChoices(spec);

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context)
    {
        var parts = text.Split([',', ';', '/', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && parts[0].Contains(' ', StringComparison.Ordinal) && parts[0].Split(' ').All(p => int.TryParse(p, out _)))
        {
            parts = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        var chosen = new List<string>();
        foreach (var part in parts)
        {
            var option = OptionMatcher.Match(question, part);
            if (option is null)
            {
                return OptionMatcher.Rejected(question, part);
            }

            if (!chosen.Contains(option.Value))
            {
                chosen.Add(option.Value);
            }
        }

        return chosen.Count == 0
            ? new AnswerReading.Rejected(EngineTexts.MultiEmpty)
            : new AnswerReading.Accepted(string.Join(',', OptionMatcher.OrderLikeOptions(question, chosen)));
    }

    public override AnswerReading Answer(Question question, InboundContent input, ChatTurn turn)
    {
        var selection = turn.Session.QuestionStateAs<MultiSelection>()?.Values ?? [];
        // "Selesai" typed works like its button once something is chosen.
        var typedDone = input is TextInput { Text: var text } && selection.Count > 0
            && TextNormalizer.Fold(text) is "selesai" or "sudah" or "done" or "finish";
        if (typedDone || input is ChoiceInput { Value: DoneValue })
        {
            return selection.Count == 0
                ? new AnswerReading.Rejected(EngineTexts.MultiEmpty)
                : new AnswerReading.Accepted(string.Join(',', OptionMatcher.OrderLikeOptions(question, selection)));
        }

        return base.Answer(question, input, turn);
    }

    // A button press toggles one option; "Selesai" finishes.
    protected override AnswerReading AnswerButton(Question question, string value, ChatTurn turn)
    {
        var option = question.FindOption(value);
        if (option is null)
        {
            return new AnswerReading.Rejected(EngineTexts.StaleButton);
        }

        var selection = turn.Session.QuestionStateOr(() => new MultiSelection()).Values;
        if (!selection.Remove(option.Value))
        {
            selection.Add(option.Value);
        }

        return new AnswerReading.Partial(Status(question, selection, turn.Language));
    }

    public override OutboundMessage Prompt(Question question, OutboundMessage asked, ChatTurn turn)
    {
        var lang = turn.Language;
        var prompt = asked with
        {
            Text = asked.Text + "\n" + EngineTexts.MultiHint.In(lang),
            Options = Buttons(question, lang),
        };
        return turn.Session.QuestionStateAs<MultiSelection>()?.Values is { Count: > 0 } selection
            ? prompt with { Text = prompt.Text + "\n" + Status(question, selection, lang).Text }
            : prompt;
    }

    public override string Display(Question question, string value, QuestionContext context) =>
        string.Join(", ", value.Split(',').Select(v => OptionMatcher.Label(question, v, context.Language)));

    private static OutboundMessage Status(Question question, IReadOnlyList<string> selection, string language)
    {
        var labels = OptionMatcher.OrderLikeOptions(question, selection).Select(v => question.FindOption(v)!.Label.In(language));
        var chosen = selection.Count == 0 ? EngineTexts.NotAnswered.In(language) : string.Join(", ", labels);
        return new OutboundMessage($"{EngineTexts.MultiChosen.In(language)}: {chosen}") { Options = Buttons(question, language) };
    }

    private static IReadOnlyList<ReplyOption> Buttons(Question question, string language) =>
        [.. Prompts.OptionButtons(question, language), new ReplyOption(EngineTexts.MultiDone.In(language), DoneValue)];
}

/// <summary>The options toggled so far on a multiple-choice question.</summary>
internal sealed class MultiSelection
{
    public List<string> Values { get; set; } = [];
}
