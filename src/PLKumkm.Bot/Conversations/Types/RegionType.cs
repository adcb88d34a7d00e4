using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>
/// A village of Indonesia. In the chat it is found step by step (<see cref="RegionStepper"/>: province → regency →
/// district → village, or any level at once); from a quick entry or import cell it is a village code.
/// </summary>
internal sealed class RegionType : QuestionTypeBase
{
    private static readonly UserText NotAVillageCode = new(
        "bukan kode desa (mis. 16.01.07.2001).", "is not a village code (e.g. 16.01.07.2001).");

    public override string Name => QuestionType.Region;

    // The step prompt shows the stored village itself, with a button to keep it.
    public override bool PromptShowsCurrentAnswer => false;

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context) =>
        RegionCodes.TryNormalize(text, out var code) && context.Regions.Find(code) is { Level: RegionLevel.Village } village
            ? new AnswerReading.Accepted(village.Code)
            : new AnswerReading.Rejected(NotAVillageCode);

    // Its buttons carry region codes, not question=value: the stepper reads every input itself.
    public override AnswerReading Answer(Question question, InboundContent input, ChatTurn turn) =>
        Stepper(turn).Read(question, input, turn.Session);

    public override OutboundMessage Prompt(Question question, OutboundMessage asked, ChatTurn turn)
    {
        var step = Step(question, turn);
        return asked with { Text = asked.Text + "\n" + step.Text, Options = step.Options };
    }

    public override OutboundMessage? Back(Question question, ChatTurn turn) =>
        Stepper(turn).StepUp(turn.Session) ? Step(question, turn) : null;

    public override OutboundMessage? Retry(Question question, ChatTurn turn) =>
        turn.Session.QuestionStateAs<RegionPick>() is null ? null : Step(question, turn);

    public override string Display(Question question, string value, QuestionContext context) => RegionStepper.Path(value, context.Regions);

    private static OutboundMessage Step(Question question, ChatTurn turn) =>
        Stepper(turn).StepPrompt(turn.Session, turn.Session.Answers.GetValueOrDefault(question.Id));

    private static RegionStepper Stepper(ChatTurn turn) => new(turn.Context.Regions, turn.Context.Aliases);
}
