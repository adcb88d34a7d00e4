using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine.Stages;

/// <summary>The notice before any personal question: agreeing starts the questions, declining ends the session.</summary>
internal sealed class ConsentStage(SessionLifecycle lifecycle, Questioning questioning) : IStageHandler
{
    public SessionStage Stage => SessionStage.Consent;

    public void Handle(Step step, InboundContent input)
    {
        var session = step.Session;
        switch (YesNoWords.Read(input, Prompts.ConsentKey))
        {
            case true:
                lifecycle.Fire(session, SessionLifecycle.Trigger.Agree);
                step.Events.Add(new ConsentGiven(step.Questionnaire.Consent.Version));
                questioning.AskNext(step);
                break;
            case false:
                lifecycle.Fire(session, SessionLifecycle.Trigger.Decline);
                step.Events.Add(new ConsentDeclined(step.Questionnaire.Consent.Version));
                step.Say(EngineTexts.Declined.In(session.Language));
                break;
            default:
                step.Say(EngineTexts.ConsentHint.In(session.Language));
                Reprompt(step);
                break;
        }
    }

    public void Reprompt(Step step) => step.Say(Prompts.Consent(step.Questionnaire, step.Language));
}
