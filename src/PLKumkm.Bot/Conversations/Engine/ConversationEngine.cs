using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>
/// Runs any questionnaire. Pure: given a session and an input it returns the new session, the replies
/// and the events; it does no I/O and reads the time only through the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ConversationEngine(QuestionnaireCatalog questionnaires, RegionCatalog regions, RegionAliases aliases, TimeProvider clock)
{
    private readonly AnswerReader _reader = new(regions);
    private readonly RegionStepper _regionStepper = new(regions, aliases);
    private readonly KbliChooser _kbliChooser = new();

    /// <summary>Starts a questionnaire; the consent notice comes first unless this notice version was already agreed to.</summary>
    public EngineResult Start(string questionnaireId, string language, bool consentAlreadyGiven)
    {
        var questionnaire = questionnaires.Get(questionnaireId);
        var now = clock.GetUtcNow();
        var session = new SessionState
        {
            QuestionnaireId = questionnaire.Id,
            QuestionnaireVersion = questionnaire.Version,
            Language = Languages.Normalize(language),
            StartedAt = now,
            UpdatedAt = now,
        };
        var step = new Step(questionnaire, session);
        if (consentAlreadyGiven)
        {
            new SessionLifecycle(session).Fire(SessionLifecycle.Trigger.Agree);
            AskNext(step);
        }
        else
        {
            step.Say(Prompts.Consent(questionnaire, session.Language));
        }

        return step.Result();
    }

    /// <summary>
    /// Starts a correction of a stored record: the session holds <paramref name="answers"/> (the record's
    /// current values) and goes straight to the numbered summary, where the person picks what to change.
    /// A required question without a stored value is asked first; the consent notice comes first unless given.
    /// </summary>
    public EngineResult StartEditing(
        string questionnaireId, string language, IReadOnlyDictionary<string, string> answers, string registrationNumber, bool consentAlreadyGiven = true)
    {
        var questionnaire = questionnaires.Get(questionnaireId);
        var now = clock.GetUtcNow();
        var session = new SessionState
        {
            QuestionnaireId = questionnaire.Id,
            QuestionnaireVersion = questionnaire.Version,
            Language = Languages.Normalize(language),
            StartedAt = now,
            UpdatedAt = now,
            EditingRegistrationNumber = registrationNumber,
        };
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

        var step = new Step(questionnaire, session);
        if (consentAlreadyGiven)
        {
            new SessionLifecycle(session).Fire(SessionLifecycle.Trigger.Agree);
            step.Say(AnswerReader.Format(EngineTexts.EditIntro, registrationNumber).In(session.Language));
            AskNext(step);
        }
        else
        {
            step.Say(Prompts.Consent(questionnaire, session.Language));
        }

        return step.Result();
    }

    /// <summary>Repeats where the person is (after /start in the middle of a questionnaire, or a resume).</summary>
    public EngineResult Resume(SessionState session)
    {
        var step = new Step(questionnaires.Get(session.QuestionnaireId), session);
        Reprompt(step);
        return step.Result();
    }

    public EngineResult Handle(SessionState session, InboundContent input)
    {
        var questionnaire = questionnaires.Get(session.QuestionnaireId);
        var step = new Step(questionnaire, session);
        session.UpdatedAt = clock.GetUtcNow();
        if (session.IsOver)
        {
            return step.Result();
        }

        if (input is UnsupportedInput unsupported)
        {
            step.Say(AnswerReader.Format(EngineTexts.Unsupported, KindName(unsupported.Kind, session.Language)).In(session.Language));
            Reprompt(step);
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
            step.Say(AnswerReader.Format(EngineTexts.UnknownCommand, typed.Trim().Split(' ')[0]).In(session.Language)
                     + "\n" + EngineTexts.CommandsHint.In(session.Language));
            Reprompt(step);
            return step.Result();
        }

        switch (session.Stage)
        {
            case SessionStage.Consent:
                HandleConsent(step, input);
                break;
            case SessionStage.ConfirmingCancel:
                HandleCancelConfirmation(step, input);
                break;
            case SessionStage.Reviewing:
                HandleReview(step, input);
                break;
            default:
                HandleAnswer(step, input);
                break;
        }

        return step.Result();
    }

    private bool HandleCommand(Step step, SessionCommand command)
    {
        var session = step.Session;
        var lifecycle = new SessionLifecycle(session);
        switch (command)
        {
            case SessionCommand.Cancel:
                if (!lifecycle.CanFire(SessionLifecycle.Trigger.RequestCancel))
                {
                    return false;
                }

                lifecycle.Fire(SessionLifecycle.Trigger.RequestCancel);
                if (session.Stage == SessionStage.Cancelled)
                {
                    step.Say(EngineTexts.Declined.In(session.Language));
                    step.Events.Add(new SessionCancelled());
                }
                else
                {
                    step.Say(Prompts.ConfirmCancel(session.Language));
                }

                return true;
            case SessionCommand.Help:
                var question = Current(step);
                var help = session.Stage is SessionStage.Asking or SessionStage.Editing && question is not null
                    ? question.Help?.In(session.Language) ?? EngineTexts.NoExtraHelp.In(session.Language)
                    : EngineTexts.NoExtraHelp.In(session.Language);
                step.Say(help + "\n\n" + EngineTexts.CommandsHint.In(session.Language));
                Reprompt(step);
                return true;
            case SessionCommand.Back:
                return Back(step, lifecycle);
            case SessionCommand.Skip:
                if (session.Stage is not (SessionStage.Asking or SessionStage.Editing) || Current(step) is not { } current)
                {
                    return false;
                }

                if (!current.Optional)
                {
                    step.Say(EngineTexts.Required.In(session.Language));
                    Reprompt(step);
                    return true;
                }

                ClearQuestionState(session);
                session.Answers.Remove(current.Id);
                session.Skipped.Add(current.Id);
                Remember(session, current.Id);
                AskNext(step);
                return true;
            default:
                return false;
        }
    }

    private bool Back(Step step, SessionLifecycle lifecycle)
    {
        var session = step.Session;
        switch (session.Stage)
        {
            case SessionStage.Reviewing:
                if (session.History.Count == 0)
                {
                    return false;
                }

                lifecycle.Fire(SessionLifecycle.Trigger.BackFromReview);
                session.CurrentQuestionId = session.History[^1];
                session.History.RemoveAt(session.History.Count - 1);
                Reprompt(step);
                return true;
            case SessionStage.Editing:
                ClearQuestionState(session);
                lifecycle.Fire(SessionLifecycle.Trigger.BackFromReview);
                step.Say(Prompts.Summary(step.Questionnaire, session, regions));
                return true;
            case SessionStage.Asking:
                if (Current(step) is { Type: QuestionType.Region } region && _regionStepper.StepUp(session))
                {
                    step.Say(_regionStepper.StepPrompt(session, session.Answers.GetValueOrDefault(region.Id)));
                    return true;
                }

                ClearQuestionState(session);
                if (session.History.Count == 0)
                {
                    step.Say(EngineTexts.FirstQuestion.In(session.Language));
                    Reprompt(step);
                    return true;
                }

                var previous = session.History[^1];
                session.History.RemoveAt(session.History.Count - 1);
                session.Skipped.Remove(previous);
                session.CurrentQuestionId = previous;
                Reprompt(step);
                return true;
            default:
                return false;
        }
    }

    private void HandleConsent(Step step, InboundContent input)
    {
        var session = step.Session;
        var answer = YesNo(input, Prompts.ConsentKey);
        var lifecycle = new SessionLifecycle(session);
        switch (answer)
        {
            case true:
                lifecycle.Fire(SessionLifecycle.Trigger.Agree);
                step.Events.Add(new ConsentGiven(step.Questionnaire.Consent.Version));
                AskNext(step);
                break;
            case false:
                lifecycle.Fire(SessionLifecycle.Trigger.Decline);
                step.Events.Add(new ConsentDeclined(step.Questionnaire.Consent.Version));
                step.Say(EngineTexts.Declined.In(session.Language));
                break;
            default:
                step.Say(EngineTexts.ConsentHint.In(session.Language));
                step.Say(Prompts.Consent(step.Questionnaire, session.Language));
                break;
        }
    }

    private void HandleCancelConfirmation(Step step, InboundContent input)
    {
        var session = step.Session;
        var lifecycle = new SessionLifecycle(session);
        switch (YesNo(input, Prompts.CancelKey))
        {
            case true:
                lifecycle.Fire(SessionLifecycle.Trigger.ConfirmCancel);
                session.Answers.Clear();
                session.Skipped.Clear();
                session.History.Clear();
                ClearQuestionState(session);
                step.Events.Add(new SessionCancelled());
                step.Say(EngineTexts.Cancelled.In(session.Language));
                break;
            case false:
                lifecycle.Fire(SessionLifecycle.Trigger.KeepGoing);
                step.Say(EngineTexts.Resumed.In(session.Language));
                Reprompt(step);
                break;
            default:
                step.Say(Prompts.ConfirmCancel(session.Language));
                break;
        }
    }

    private void HandleReview(Step step, InboundContent input)
    {
        var session = step.Session;
        var lifecycle = new SessionLifecycle(session);
        var items = Flow.SummaryItems(step.Questionnaire, session.Answers);
        var choice = input switch
        {
            ChoiceInput c when c.Value.StartsWith(Prompts.ReviewKey + "=", StringComparison.Ordinal) => c.Value[(Prompts.ReviewKey.Length + 1)..],
            TextInput t => TextNormalizer.Fold(t.Text),
            _ => null,
        };

        if (choice is "kirim" or "submit" or "ya" or "ok" or "oke" or "benar" or "sudah benar")
        {
            lifecycle.Fire(SessionLifecycle.Trigger.Submit);
            step.Events.Add(new SubmissionReady(step.Questionnaire, Flow.Submission(step.Questionnaire, session.Answers)));
            return;
        }

        if (choice is "batal" or "cancel")
        {
            lifecycle.Fire(SessionLifecycle.Trigger.RequestCancel);
            step.Say(Prompts.ConfirmCancel(session.Language));
            return;
        }

        if (int.TryParse(choice, out var number) && number >= 1 && number <= items.Count)
        {
            lifecycle.Fire(SessionLifecycle.Trigger.Edit);
            session.CurrentQuestionId = items[number - 1].Id;
            Reprompt(step);
            return;
        }

        step.Say(AnswerReader.Format(EngineTexts.PickNumber, items.Count).In(session.Language));
        step.Say(Prompts.Summary(step.Questionnaire, session, regions));
    }

    private void HandleAnswer(Step step, InboundContent input)
    {
        var session = step.Session;
        var question = Current(step);
        if (question is null)
        {
            AskNext(step);
            return;
        }

        if (session.Pending is { } pending && pending.QuestionId == question.Id)
        {
            var yes = YesNo(input, Prompts.ConfirmKey);
            session.Pending = null;
            if (yes == true)
            {
                Store(step, question, pending.Value);
                return;
            }

            if (yes == false)
            {
                step.Say(EngineTexts.ConfirmRetry.In(session.Language));
                Reprompt(step);
                return;
            }
        }

        // "Selesai" typed works like its button once something is chosen.
        var typedDone = input is TextInput { Text: var doneText } && question.Type == QuestionType.MultiChoice
            && session.MultiSelection is { Count: > 0 } && TextNormalizer.Fold(doneText) is "selesai" or "sudah" or "done" or "finish";
        if ((typedDone || input is ChoiceInput { Value: Prompts.MultiDoneValue }) && question.Type == QuestionType.MultiChoice)
        {
            var selection = session.MultiSelection ?? [];
            if (selection.Count == 0)
            {
                step.Say(EngineTexts.MultiEmpty.In(session.Language));
                Reprompt(step);
                return;
            }

            Store(step, question, string.Join(',', AnswerReader.OrderLikeOptions(question, selection)));
            return;
        }

        if (input is ChoiceInput choice && question.Type != QuestionType.Region)
        {
            var prefix = question.Id + "=";
            if (!choice.Value.StartsWith(prefix, StringComparison.Ordinal))
            {
                step.Say(EngineTexts.StaleButton.In(session.Language));
                Reprompt(step);
                return;
            }

            input = choice with { Value = choice.Value[prefix.Length..] };
        }

        var reading = question.Type switch
        {
            QuestionType.Region => _regionStepper.Read(question, input, session),
            QuestionType.Kbli => _kbliChooser.Read(question, input, session) ?? _reader.Read(question, input, session, Today()),
            _ => _reader.Read(question, input, session, Today()),
        };
        switch (reading)
        {
            case AnswerReading.Accepted accepted when SexCheck.Disagreement(question, accepted.Value, session) is { } disagreement:
                session.Pending = new PendingAnswer(question.Id, accepted.Value, disagreement);
                step.Say(Prompts.ConfirmValue(disagreement, session.Language));
                break;
            case AnswerReading.Accepted accepted:
                if (accepted.Note is not null)
                {
                    step.Say(accepted.Note.In(session.Language));
                }

                Store(step, question, accepted.Value);
                break;
            case AnswerReading.Unsure unsure:
                session.Pending = new PendingAnswer(question.Id, unsure.Value, unsure.Display);
                step.Say(Prompts.ConfirmValue(unsure.Display, session.Language));
                break;
            case AnswerReading.Partial partial:
                step.Say(partial.Reply);
                break;
            case AnswerReading.Rejected rejected:
                step.Say(rejected.Reason.In(session.Language));
                Reprompt(step, includeRegionIntro: false);
                break;
        }
    }

    private void Store(Step step, Question question, string value)
    {
        var session = step.Session;
        ClearQuestionState(session);
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

    /// <summary>Asks the next open question, or shows the summary when none is left.</summary>
    private void AskNext(Step step)
    {
        var session = step.Session;
        var next = Flow.Next(step.Questionnaire, session);
        if (next is null)
        {
            session.CurrentQuestionId = null;
            var lifecycle = new SessionLifecycle(session);
            if (lifecycle.CanFire(SessionLifecycle.Trigger.AllAnswered))
            {
                lifecycle.Fire(SessionLifecycle.Trigger.AllAnswered);
            }

            step.Say(Prompts.Summary(step.Questionnaire, session, regions));
            return;
        }

        session.CurrentQuestionId = next.Id;
        Ask(step, next);
    }

    private void Reprompt(Step step, bool includeRegionIntro = true)
    {
        var session = step.Session;
        switch (session.Stage)
        {
            case SessionStage.Consent:
                step.Say(Prompts.Consent(step.Questionnaire, session.Language));
                break;
            case SessionStage.Reviewing:
                step.Say(Prompts.Summary(step.Questionnaire, session, regions));
                break;
            case SessionStage.ConfirmingCancel:
                step.Say(Prompts.ConfirmCancel(session.Language));
                break;
            case SessionStage.Asking or SessionStage.Editing:
                var question = Current(step);
                if (question is null)
                {
                    AskNext(step);
                }
                else if (session.Pending is { } pending && pending.QuestionId == question.Id)
                {
                    step.Say(Prompts.ConfirmValue(pending.Display, session.Language));
                }
                else if (question.Type == QuestionType.Region && session.RegionPick is not null && !includeRegionIntro)
                {
                    step.Say(_regionStepper.StepPrompt(session, session.Answers.GetValueOrDefault(question.Id)));
                }
                else
                {
                    Ask(step, question);
                }

                break;
        }
    }

    private void Ask(Step step, Question question)
    {
        var session = step.Session;
        var prompt = Prompts.Question(step.Questionnaire, question, session, regions);
        if (question.Type == QuestionType.Region)
        {
            session.RegionPick ??= new RegionPick();
            var stepPrompt = _regionStepper.StepPrompt(session, session.Answers.GetValueOrDefault(question.Id));
            prompt = prompt with { Text = prompt.Text + "\n" + stepPrompt.Text, Options = stepPrompt.Options };
        }

        if (question.Type == QuestionType.Kbli)
        {
            prompt = _kbliChooser.Prompt(prompt, question, session);
        }

        if (question.Type == QuestionType.MultiChoice && session.MultiSelection is { Count: > 0 } selection)
        {
            prompt = prompt with
            {
                Text = prompt.Text + "\n" + Prompts.MultiSelectionStatus(question, selection, session.Language).Text,
            };
        }

        step.Say(prompt);
    }

    private static void Remember(SessionState session, string questionId)
    {
        session.History.Remove(questionId);
        session.History.Add(questionId);
    }

    private static void ClearQuestionState(SessionState session)
    {
        session.RegionPick = null;
        session.Pending = null;
        session.MultiSelection = null;
        session.KbliChoices = null;
    }

    private static Question? Current(Step step) =>
        step.Session.CurrentQuestionId is { } id ? step.Questionnaire.Find(id) : null;

    /// <summary>Yes/no from a button (<c>key=ya</c>) or typed words; null when it is neither.</summary>
    private static bool? YesNo(InboundContent input, string buttonKey)
    {
        var word = input switch
        {
            ChoiceInput c when c.Value.StartsWith(buttonKey + "=", StringComparison.Ordinal) => c.Value[(buttonKey.Length + 1)..],
            TextInput t => TextNormalizer.Fold(t.Text),
            _ => null,
        };
        return word switch
        {
            "ya" or "y" or "iya" or "yes" or "setuju" or "saya setuju" or "ok" or "oke" or "boleh" or "agree" or "i agree" or "benar" => true,
            "tidak" or "t" or "tdk" or "no" or "tidak setuju" or "nggak" or "gak" or "enggak" or "ga" or "i do not agree" => false,
            // The buttons' own labels typed: "Ya, batalkan", "Tidak, lanjutkan", "Yes, cancel", "No, continue".
            _ when word is not null && (word.StartsWith("ya ", StringComparison.Ordinal) || word.StartsWith("yes ", StringComparison.Ordinal)) => true,
            _ when word is not null && (word.StartsWith("tidak ", StringComparison.Ordinal) || word.StartsWith("no ", StringComparison.Ordinal)) => false,
            _ => null,
        };
    }

    private static string KindName(string kind, string language) => (kind, language) switch
    {
        ("sticker", Languages.English) => "stickers",
        ("sticker", _) => "stiker",
        ("voice" or "audio", Languages.English) => "voice messages",
        ("voice" or "audio", _) => "pesan suara",
        ("video" or "video_note", Languages.English) => "videos",
        ("video" or "video_note", _) => "video",
        ("document", Languages.English) => "documents",
        ("document", _) => "dokumen",
        (_, Languages.English) => "that kind of message",
        _ => "jenis pesan itu",
    };

    private DateOnly Today()
    {
        // Questionnaire dates (e.g. "not in the future") follow WIB, the earliest-ending national clock is close enough.
        var wib = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        return DateOnly.FromDateTime(wib.DateTime);
    }

    private sealed class Step(Questionnaire questionnaire, SessionState session)
    {
        public Questionnaire Questionnaire { get; } = questionnaire;
        public SessionState Session { get; } = session;
        public List<OutboundMessage> Messages { get; } = [];
        public List<EngineEvent> Events { get; } = [];

        public void Say(string text) => Messages.Add(new OutboundMessage(text));

        public void Say(OutboundMessage message) => Messages.Add(message);

        public EngineResult Result() => new(Session, Messages, Events);
    }
}
