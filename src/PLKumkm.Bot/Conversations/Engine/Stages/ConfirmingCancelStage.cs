namespace PLKumkm.Bot.Conversations.Engine.Stages;

/// <summary>"Really cancel?": yes forgets every answer, no returns to where the person was.</summary>
internal sealed class ConfirmingCancelStage(SessionLifecycle lifecycle) : YesNoStage(Prompts.CancelKey)
{
    public override SessionStage Stage => SessionStage.ConfirmingCancel;

    public override void Reprompt(Step step) => step.Say(Prompts.ConfirmCancel(step.Language));

    protected override void Yes(Step step)
    {
        var session = step.Session;
        lifecycle.Fire(session, SessionLifecycle.Trigger.ConfirmCancel);
        session.Answers.Clear();
        session.Skipped.Clear();
        session.History.Clear();
        session.ClearQuestionState();
        step.Events.Add(new SessionCancelled());
        step.Say(EngineTexts.Cancelled.In(session.Language));
    }

    protected override void No(Step step)
    {
        lifecycle.Fire(step.Session, SessionLifecycle.Trigger.KeepGoing);
        step.Say(EngineTexts.Resumed.In(step.Language));
        step.Reprompt();
    }
}
