using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine.Stages;

/// <summary>Questions in order; <c>/kembali</c> goes one of the question's own steps back, else to the question before.</summary>
internal sealed class AskingStage(Questioning questioning) : IStageHandler
{
    public SessionStage Stage => SessionStage.Asking;

    public void Handle(Step step, InboundContent input) => questioning.Answer(step, input);

    public void Reprompt(Step step) => questioning.Reprompt(step);

    public bool Back(Step step)
    {
        var session = step.Session;
        if (step.Current is { } current && step.Types.Of(current).Back(current, step.Turn) is { } stepBack)
        {
            step.Say(stepBack);
            return true;
        }

        session.ClearQuestionState();
        if (session.History.Count == 0)
        {
            step.Say(EngineTexts.FirstQuestion.In(session.Language));
            Reprompt(step);
            return true;
        }

        var previous = session.History[^1];
        session.History.RemoveAt(session.History.Count - 1);
        session.Skipped.Remove(previous);
        session.CurrentQuestionId = previous;
        Reprompt(step);
        return true;
    }

    public bool Skip(Step step) => questioning.Skip(step);

    public string? Help(Step step) => Questioning.Help(step);
}
