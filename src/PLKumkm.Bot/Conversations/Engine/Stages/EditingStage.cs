using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine.Stages;

/// <summary>
/// One answer picked from the summary, asked again; <c>/kembali</c> returns to the summary unchanged, except while
/// the change has cleared an answer that depends on it (see <see cref="Back"/>).
/// </summary>
internal sealed class EditingStage(SessionLifecycle lifecycle, Questioning questioning) : IStageHandler
{
    public SessionStage Stage => SessionStage.Editing;

    public void Handle(Step step, InboundContent input) => questioning.Answer(step, input);

    public void Reprompt(Step step) => questioning.Reprompt(step);

    /// <summary>
    /// To the summary, unless the edit cleared an answer that depends on it (a turnover made annual with the old
    /// period): back at the summary it would show as unanswered and could be sent without it, so it is asked on.
    /// </summary>
    public bool Back(Step step)
    {
        if (Flow.Next(step.Questionnaire, step.Session) is not null)
        {
            step.Say(EngineTexts.AnswerAgain.In(step.Language));
            questioning.Reprompt(step);
            return true;
        }

        step.Session.ClearQuestionState();
        lifecycle.Fire(step.Session, SessionLifecycle.Trigger.BackFromReview);
        step.Reprompt();
        return true;
    }

    public bool Skip(Step step) => questioning.Skip(step);

    public string? Help(Step step) => Questioning.Help(step);
}
