using PLKumkm.Bot.Conversations.Engine.Stages;
using PLKumkm.Bot.Conversations.Types;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>
/// Runs any questionnaire. Pure: given a session and an input it returns the new session, the replies
/// and the events; it does no I/O and reads the time only through the injected <see cref="TimeProvider"/>.
/// The commands every stage shares are handled here; the rest is the current stage's handler's, and what a
/// question does with an answer is its type's (<see cref="QuestionTypeRegistry"/>).
/// </summary>
internal sealed class ConversationEngine
{
    private readonly QuestionnaireCatalog _questionnaires;
    private readonly TimeProvider _clock;
    private readonly QuestionTypes _types;
    private readonly SessionLifecycle _lifecycle = new();
    private readonly Questioning _questioning;
    private readonly Dictionary<SessionStage, IStageHandler> _stages;

    public ConversationEngine(
        QuestionnaireCatalog questionnaires, RegionCatalog regions, RegionAliases aliases, TimeProvider clock, QuestionTypeRegistry? types = null)
    {
        _questionnaires = questionnaires;
        _clock = clock;
        _types = new QuestionTypes(regions, aliases, types);
        _questioning = new Questioning(_lifecycle);
        IStageHandler[] stages =
        [
            new ConsentStage(_lifecycle, _questioning),
            new AskingStage(_questioning),
            new EditingStage(_lifecycle, _questioning),
            new ReviewingStage(_lifecycle),
            new ConfirmingCancelStage(_lifecycle),
            new ClosedStage(SessionStage.Submitted),
            new ClosedStage(SessionStage.Cancelled),
        ];
        _stages = stages.ToDictionary(s => s.Stage);
    }

    /// <summary>Starts a questionnaire; the consent notice comes first unless this notice version was already agreed to.</summary>
    public EngineResult Start(string questionnaireId, string language, bool consentAlreadyGiven) =>
        Begin(NewSession(questionnaireId, language, null), consentAlreadyGiven, intro: null);

    /// <summary>
    /// Starts a correction of a stored record: the session holds <paramref name="answers"/> (the record's
    /// current values) and goes straight to the numbered summary, where the person picks what to change.
    /// A required question without a stored value is asked first; the consent notice comes first unless given.
    /// </summary>
    public EngineResult StartEditing(
        string questionnaireId, string language, IReadOnlyDictionary<string, string> answers, string registrationNumber, bool consentAlreadyGiven = true)
    {
        var session = NewSession(questionnaireId, language, registrationNumber);
        var questionnaire = _questionnaires.Get(questionnaireId);
        foreach (var (id, value) in answers)
        {
            if (questionnaire.Find(id) is not null && !string.IsNullOrEmpty(value))
            {
                session.Answers[id] = value;
            }
        }

        foreach (var question in Flow.Applicable(questionnaire, session.Answers))
        {
            if (!session.Answers.ContainsKey(question.Id) && question.Optional)
            {
                session.Skipped.Add(question.Id);
            }

            if (session.Answers.ContainsKey(question.Id) || session.Skipped.Contains(question.Id))
            {
                session.History.Add(question.Id);
            }
        }

        return Begin(session, consentAlreadyGiven, EngineTexts.EditIntro.Format(registrationNumber));
    }

    /// <summary>Repeats where the person is (after /start in the middle of a questionnaire, or a resume).</summary>
    public EngineResult Resume(SessionState session)
    {
        var step = StepFor(session);
        step.Reprompt();
        return step.Result();
    }

    /// <param name="messageId">The caller's reference of the message carrying <paramref name="input"/> (opaque here),
    /// remembered with the answer it gives so that an edit of that message can correct it (<see cref="HandleEdit"/>).</param>
    public EngineResult Handle(SessionState session, InboundContent input, string? messageId = null)
    {
        var step = StepFor(session, messageId);
        session.UpdatedAt = _clock.GetUtcNow();
        if (session.IsOver)
        {
            return step.Result();
        }

        if (input is UnsupportedInput unsupported)
        {
            step.Say(EngineTexts.Unsupported.Format(InputKinds.Name(unsupported.Kind, session.Language)).In(session.Language));
            step.Reprompt();
            return step.Result();
        }

        var command = input is TextInput text ? SessionCommands.Parse(text.Text) : null;
        if (command is not null && HandleCommand(step, command.Value))
        {
            return step.Result();
        }

        // Other features' commands are answered before the questionnaire sees a message; a slash
        // command that reaches it is unknown, and must not be stored as an answer.
        if (command is null && input is TextInput { Text: var typed } && typed.TrimStart().StartsWith('/'))
        {
            step.Say(EngineTexts.UnknownCommand.Format(typed.Trim().Split(' ')[0]).In(session.Language)
                     + "\n" + EngineTexts.CommandsHint.In(session.Language));
            step.Reprompt();
            return step.Result();
        }

        step.Stage.Handle(step, input);
        return step.Result();
    }

    /// <summary>
    /// The person edited an earlier message to say <paramref name="input"/>. An edit of the message that gave the most
    /// recent answer corrects that answer, validated as any answer; any other edit changes nothing and gets one line on
    /// how to change an answer.
    /// </summary>
    public EngineResult HandleEdit(SessionState session, InboundContent input, string editedMessageId)
    {
        var step = StepFor(session, editedMessageId);
        session.UpdatedAt = _clock.GetUtcNow();
        if (session.IsOver)
        {
            return step.Result();
        }

        if (input is TextInput text && text.Text.TrimStart().StartsWith('/'))
        {
            // A command written into an old message is not typed now: it runs only when sent.
            step.Say(EngineTexts.EditIntoCommand.In(session.Language));
        }
        else if (session.Stage is SessionStage.Asking or SessionStage.Reviewing or SessionStage.Editing
            && session.LastAnswer is { } last && last.MessageId == editedMessageId
            && step.Questionnaire.Find(last.QuestionId) is { } question && session.Answers.ContainsKey(question.Id)
            && input is not UnsupportedInput)
        {
            _questioning.Correct(step, question, input, editedMessageId);
        }
        else
        {
            step.Say(EngineTexts.EditTooOld.In(session.Language));
        }

        return step.Result();
    }

    private bool HandleCommand(Step step, SessionCommand command)
    {
        var session = step.Session;
        switch (command)
        {
            case SessionCommand.Cancel:
                if (!_lifecycle.TryFire(session, SessionLifecycle.Trigger.RequestCancel))
                {
                    return false;
                }

                if (session.Stage == SessionStage.Cancelled)
                {
                    step.Say(EngineTexts.Declined.In(session.Language));
                    step.Events.Add(new SessionCancelled());
                }
                else
                {
                    step.Reprompt();
                }

                return true;
            case SessionCommand.Help:
                var help = step.Stage.Help(step) ?? EngineTexts.NoExtraHelp.In(session.Language);
                step.Say(help + "\n\n" + EngineTexts.CommandsHint.In(session.Language));
                step.Reprompt();
                return true;
            case SessionCommand.Back:
                return step.Stage.Back(step);
            case SessionCommand.Skip:
                return step.Stage.Skip(step);
            default:
                return false;
        }
    }

    private EngineResult Begin(SessionState session, bool consentAlreadyGiven, UserText? intro)
    {
        var step = StepFor(session);
        if (consentAlreadyGiven)
        {
            _lifecycle.Fire(session, SessionLifecycle.Trigger.Agree);
            if (intro is not null)
            {
                step.Say(intro.In(session.Language));
            }

            _questioning.AskNext(step);
        }
        else
        {
            step.Reprompt();
        }

        return step.Result();
    }

    private SessionState NewSession(string questionnaireId, string language, string? registrationNumber)
    {
        var questionnaire = _questionnaires.Get(questionnaireId);
        var now = _clock.GetUtcNow();
        return new SessionState
        {
            QuestionnaireId = questionnaire.Id,
            QuestionnaireVersion = questionnaire.Version,
            Language = Languages.Normalize(language),
            StartedAt = now,
            UpdatedAt = now,
            EditingRegistrationNumber = registrationNumber,
        };
    }

    private Step StepFor(SessionState session, string? messageId = null) =>
        new(_questionnaires.Get(session.QuestionnaireId), session, _types, Today(), _stages) { MessageId = messageId };

    private DateOnly Today()
    {
        // Questionnaire dates (e.g. "not in the future") follow WIB, the earliest-ending national clock is close enough.
        var wib = _clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        return DateOnly.FromDateTime(wib.DateTime);
    }
}
