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
                // The answer came with the message that was read, not with the "yes".
                Store(step, question, pending.Value, pending.Settles, pending.MessageId);
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

                Store(step, question, accepted.Value, accepted.Settles, step.MessageId);
                break;
            case AnswerReading.Unsure unsure:
                session.Pending = new PendingAnswer(question.Id, unsure.Value, unsure.Display, unsure.Settles, step.MessageId);
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

    /// <summary>
    /// The most recent answer given anew by an edit of the message that gave it: read as that question's answer and kept
    /// when accepted ("answer updated"), refused as usual otherwise with the old answer kept; then the person is where
    /// they were. An answer that needs one more message (a yes/no, a pick among places) has that question asked on, the
    /// old answer standing until it is complete.
    /// </summary>
    public void Correct(Step step, Question question, InboundContent input, string messageId)
    {
        var session = step.Session;
        var lang = session.Language;
        var resume = new Resume(session.CurrentQuestionId, session.QuestionState, session.Pending);
        session.CurrentQuestionId = question.Id;
        session.ClearQuestionState();
        switch (step.Types.Of(question).Answer(question, input, step.Turn))
        {
            case AnswerReading.Accepted accepted:
                if (accepted.Note is not null)
                {
                    step.Say(accepted.Note.In(lang));
                }

                Keep(step, question, accepted.Value, accepted.Settles, messageId);
                step.Say(EngineTexts.AnswerUpdated.Format(Shown(step, question)).In(lang));
                GoOn(step, resume);
                break;
            case AnswerReading.Rejected rejected:
                step.Say(rejected.Reason.In(lang));
                step.Say(EngineTexts.AnswerKept.Format(Shown(step, question)).In(lang));
                resume.Restore(session);
                step.Reprompt();
                break;
            case AnswerReading.Unsure unsure:
                Reopen(step);
                session.Pending = new PendingAnswer(question.Id, unsure.Value, unsure.Display, unsure.Settles, messageId);
                step.Say(Prompts.ConfirmValue(unsure.Display, lang));
                break;
            case AnswerReading.Partial partial:
                Reopen(step);
                step.Say(partial.Reply);
                break;
        }
    }

    /// <summary>After a correction: on with the questions (or the summary) from where the person was.</summary>
    private void GoOn(Step step, Resume resume)
    {
        var session = step.Session;
        var open = Flow.Next(step.Questionnaire, session);
        switch (session.Stage)
        {
            case SessionStage.Reviewing when open is not null:
                // The new answer opened a question (or cleared one that depends on it): the summary waits for it.
                lifecycle.Fire(session, SessionLifecycle.Trigger.Edit);
                session.CurrentQuestionId = open.Id;
                step.Say(EngineTexts.AnswerAgain.In(session.Language));
                Reprompt(step);
                break;
            case SessionStage.Reviewing:
                session.CurrentQuestionId = null;
                step.Reprompt();
                break;
            case SessionStage.Editing:
            case SessionStage.Asking when open?.Id == resume.QuestionId:
                resume.Restore(session);
                step.Reprompt();
                break;
            default:
                AskNext(step);
                break;
        }
    }

    /// <summary>The corrected question is asked on; from the summary that is editing it.</summary>
    private void Reopen(Step step)
    {
        if (step.Session.Stage == SessionStage.Reviewing)
        {
            lifecycle.Fire(step.Session, SessionLifecycle.Trigger.Edit);
        }
    }

    /// <summary>"Label → value", as the summary shows it.</summary>
    private static string Shown(Step step, Question question) =>
        $"{question.Label.In(step.Language)} → {step.Types.Display(question, step.Session.Answers[question.Id], step.Language, step.Session.Answers)}";

    private void Store(Step step, Question question, string value, IReadOnlyDictionary<string, string>? settles, string? messageId)
    {
        Keep(step, question, value, settles, messageId);
        AskNext(step);
    }

    private static void Keep(Step step, Question question, string value, IReadOnlyDictionary<string, string>? settles, string? messageId)
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
        session.LastAnswer = messageId is null ? null : new AnswerSource(question.Id, messageId);
        Remember(session, question.Id);
    }

    private static void Ask(Step step, Question question) =>
        step.Say(Prompts.Question(step.Questionnaire, question, step.Types.Of(question), step.Turn));

    /// <summary>Where the person was before a correction took the current question over.</summary>
    private sealed record Resume(string? QuestionId, object? QuestionState, PendingAnswer? Pending)
    {
        public void Restore(SessionState session)
        {
            session.CurrentQuestionId = QuestionId;
            session.QuestionState = QuestionState;
            session.Pending = Pending;
        }
    }

    private static void Remember(SessionState session, string questionId)
    {
        session.History.Remove(questionId);
        session.History.Add(questionId);
    }
}
