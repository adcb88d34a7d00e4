using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine.Stages;

/// <summary>"Really cancel?": yes forgets every answer, no returns to where the person was.</summary>
internal sealed class ConfirmingCancelStage(SessionLifecycle lifecycle) : IStageHandler
{
    public SessionStage Stage => SessionStage.ConfirmingCancel;

    public void Handle(Step step, InboundContent input)
    {
        var session = step.Session;
        switch (YesNoWords.Read(input, Prompts.CancelKey))
        {
            case true:
                lifecycle.Fire(session, SessionLifecycle.Trigger.ConfirmCancel);
                session.Answers.Clear();
                session.Skipped.Clear();
                session.History.Clear();
                session.ClearQuestionState();
                step.Events.Add(new SessionCancelled());
                step.Say(EngineTexts.Cancelled.In(session.Language));
                break;
            case false:
                lifecycle.Fire(session, SessionLifecycle.Trigger.KeepGoing);
                step.Say(EngineTexts.Resumed.In(session.Language));
                step.Reprompt();
                break;
            default:
                Reprompt(step);
                break;
        }
    }

    public void Reprompt(Step step) => step.Say(Prompts.ConfirmCancel(step.Language));
}
