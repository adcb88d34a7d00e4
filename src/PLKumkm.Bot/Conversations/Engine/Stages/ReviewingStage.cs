using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine.Stages;

/// <summary>The numbered summary: a number changes that answer, <c>kirim</c> submits, <c>batal</c> asks to cancel.</summary>
internal sealed class ReviewingStage(SessionLifecycle lifecycle) : IStageHandler
{
    public SessionStage Stage => SessionStage.Reviewing;

    public void Handle(Step step, InboundContent input)
    {
        var session = step.Session;
        var items = Flow.SummaryItems(step.Questionnaire, session.Answers);
        var choice = input switch
        {
            ChoiceInput c when c.Value.StartsWith(Prompts.ReviewKey + "=", StringComparison.Ordinal) => c.Value[(Prompts.ReviewKey.Length + 1)..],
            TextInput t => TextNormalizer.Fold(t.Text),
            _ => null,
        };

        if (choice is "kirim" or "submit" or "ya" or "ok" or "oke" or "benar" or "sudah benar")
        {
            // Never sent with a required answer missing (e.g. one cleared by a changed earlier answer): ask it first.
            if (Flow.Next(step.Questionnaire, session) is { } open)
            {
                lifecycle.Fire(session, SessionLifecycle.Trigger.Edit);
                session.CurrentQuestionId = open.Id;
                step.Say(EngineTexts.AnswerAgain.In(session.Language));
                step.Reprompt();
                return;
            }

            lifecycle.Fire(session, SessionLifecycle.Trigger.Submit);
            step.Events.Add(new SubmissionReady(step.Questionnaire, Flow.Submission(step.Questionnaire, session.Answers)));
            return;
        }

        if (choice is "batal" or "cancel")
        {
            lifecycle.Fire(session, SessionLifecycle.Trigger.RequestCancel);
            step.Reprompt();
            return;
        }

        if (int.TryParse(choice, out var number) && number >= 1 && number <= items.Count)
        {
            lifecycle.Fire(session, SessionLifecycle.Trigger.Edit);
            session.CurrentQuestionId = items[number - 1].Id;
            step.Reprompt();
            return;
        }

        step.Say(EngineTexts.PickNumber.Format(items.Count).In(session.Language));
        Reprompt(step);
    }

    public void Reprompt(Step step) => step.Say(Prompts.Summary(step.Questionnaire, step.Session, step.Types));

    /// <summary>Back to the last question answered.</summary>
    public bool Back(Step step)
    {
        var session = step.Session;
        if (session.History.Count == 0)
        {
            return false;
        }

        lifecycle.Fire(session, SessionLifecycle.Trigger.BackFromReview);
        session.CurrentQuestionId = session.History[^1];
        session.History.RemoveAt(session.History.Count - 1);
        step.Reprompt();
        return true;
    }
}
