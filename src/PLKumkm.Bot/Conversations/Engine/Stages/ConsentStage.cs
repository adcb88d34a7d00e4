namespace PLKumkm.Bot.Conversations.Engine.Stages;

/// <summary>The notice before any personal question: agreeing starts the questions, declining ends the session.</summary>
internal sealed class ConsentStage(SessionLifecycle lifecycle, Questioning questioning) : YesNoStage(Prompts.ConsentKey)
{
    public override SessionStage Stage => SessionStage.Consent;

    public override void Reprompt(Step step) => step.Say(Prompts.Consent(step.Questionnaire, step.Language));

    protected override void Yes(Step step)
    {
        lifecycle.Fire(step.Session, SessionLifecycle.Trigger.Agree);
        step.Events.Add(new ConsentGiven(step.Questionnaire.Consent.Version));
        questioning.AskNext(step);
    }

    protected override void No(Step step)
    {
        lifecycle.Fire(step.Session, SessionLifecycle.Trigger.Decline);
        step.Events.Add(new ConsentDeclined(step.Questionnaire.Consent.Version));
        step.Say(EngineTexts.Declined.In(step.Language));
    }

    protected override void Neither(Step step)
    {
        step.Say(EngineTexts.ConsentHint.In(step.Language));
        Reprompt(step);
    }
}
