using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine.Stages;

/// <summary>
/// What asking and editing share: asking the next open question, reading an answer through the question's type,
/// the "did you mean …?" confirmation, storing, skipping. No question type is special here.
/// </summary>
internal sealed class Questioning(SessionLifecycle lifecycle)
{
    /// <summary>Asks the next open question, or shows the summary when none is left.</summary>
    public void AskNext(Step step)
    {
        var session = step.Session;
        var next = Flow.Next(step.Questionnaire, session);
        if (next is null)
        {
            session.CurrentQuestionId = null;
            lifecycle.TryFire(session, SessionLifecycle.Trigger.AllAnswered);
            step.Say(Prompts.Summary(step.Questionnaire, session, step.Types));
            return;
        }

        session.CurrentQuestionId = next.Id;
        Ask(step, next);
    }

    public void Reprompt(Step step)
    {
        var question = step.Current;
        if (question is null)
        {
            AskNext(step);
        }
        else if (step.Session.Pending is { } pending && pending.QuestionId == question.Id)
        {
            step.Say(Prompts.ConfirmValue(pending.Display, step.Language));
        }
        else
        {
            Ask(step, question);
        }
    }

    public void Answer(Step step, InboundContent input)
    {
        var session = step.Session;
        var question = step.Current;
        if (question is null)
        {
            AskNext(step);
            return;
        }

        if (session.Pending is { } pending && pending.QuestionId == question.Id)
        {
            var yes = YesNoWords.Read(input, Prompts.ConfirmKey);
            session.Pending = null;
            if (yes == true)
            {
                Store(step, question, pending.Value, pending.Settles);
                return;
            }

            if (yes == false)
            {
                step.Say(EngineTexts.ConfirmRetry.In(session.Language));
                Reprompt(step);
                return;
            }
        }

        var type = step.Types.Of(question);
        var turn = step.Turn;
        switch (type.Answer(question, input, turn))
        {
            case AnswerReading.Accepted accepted:
                if (accepted.Note is not null)
                {
                    step.Say(accepted.Note.In(session.Language));
                }

                Store(step, question, accepted.Value, accepted.Settles);
                break;
            case AnswerReading.Unsure unsure:
                session.Pending = new PendingAnswer(question.Id, unsure.Value, unsure.Display, unsure.Settles);
                step.Say(Prompts.ConfirmValue(unsure.Display, session.Language));
                break;
            case AnswerReading.Partial partial:
                step.Say(partial.Reply);
                break;
            case AnswerReading.Rejected rejected:
                step.Say(rejected.Reason.In(session.Language));
                if (type.Retry(question, turn) is { } again)
                {
                    step.Say(again);
                }
                else
                {
                    Reprompt(step);
                }

                break;
        }
    }

    public bool Skip(Step step)
    {
        var session = step.Session;
        if (step.Current is not { } current)
        {
            return false;
        }

        if (!current.Optional)
        {
            step.Say(EngineTexts.Required.In(session.Language));
            Reprompt(step);
            return true;
        }

        session.ClearQuestionState();
        session.Answers.Remove(current.Id);
        session.Skipped.Add(current.Id);
        Remember(session, current.Id);
        AskNext(step);
        return true;
    }

    public static string? Help(Step step) =>
        step.Current is { } question ? question.Help?.In(step.Language) ?? EngineTexts.NoExtraHelp.In(step.Language) : null;

    private void Store(Step step, Question question, string value, IReadOnlyDictionary<string, string>? settles = null)
    {
        var session = step.Session;
        session.ClearQuestionState();
        foreach (var (id, settled) in settles ?? new Dictionary<string, string>())
        {
            // Only an earlier choice, to one of its own options; its dependent is the answer being stored.
            if (step.Questionnaire.Find(id)?.FindOption(settled) is not null)
            {
                session.Answers[id] = settled;
            }
        }

        if (session.Answers.TryGetValue(question.Id, out var previous) && previous != value)
        {
            // An amount made annual with the old period is wrong now: ask it again.
            foreach (var dependent in step.Questionnaire.Questions.Where(q => q.AnnualizeBy == question.Id))
            {
                session.Answers.Remove(dependent.Id);
                session.History.Remove(dependent.Id);
            }
        }

        session.Answers[question.Id] = value;
        session.Skipped.Remove(question.Id);
        Remember(session, question.Id);
        AskNext(step);
    }

    private static void Ask(Step step, Question question) =>
        step.Say(Prompts.Question(step.Questionnaire, question, step.Types.Of(question), step.Turn));

    private static void Remember(SessionState session, string questionId)
    {
        session.History.Remove(questionId);
        session.History.Add(questionId);
    }
}
