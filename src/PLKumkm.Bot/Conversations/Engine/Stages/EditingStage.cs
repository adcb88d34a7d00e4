using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine.Stages;

/// <summary>One answer picked from the summary, asked again; <c>/kembali</c> returns to the summary unchanged.</summary>
internal sealed class EditingStage(SessionLifecycle lifecycle, Questioning questioning) : IStageHandler
{
    public SessionStage Stage => SessionStage.Editing;

    public void Handle(Step step, InboundContent input) => questioning.Answer(step, input);

    public void Reprompt(Step step) => questioning.Reprompt(step);

    public bool Back(Step step)
    {
        step.Session.ClearQuestionState();
        lifecycle.Fire(step.Session, SessionLifecycle.Trigger.BackFromReview);
        step.Reprompt();
        return true;
    }

    public bool Skip(Step step) => questioning.Skip(step);

    public string? Help(Step step) => Questioning.Help(step);
}
