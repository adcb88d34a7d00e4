using System.Globalization;
using System.Text;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Types;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>Turns questions, answers and summaries into outbound messages.</summary>
internal static class Prompts
{
    public const string ConsentKey = "_consent";
    public const string ReviewKey = "_review";
    public const string CancelKey = "_cancel";
    public const string ConfirmKey = "_confirm";

    public static string ButtonValue(string key, string value) => $"{key}={value}";

    public static OutboundMessage Consent(Questionnaire questionnaire, string language) =>
        new(questionnaire.Consent.Text.In(language))
        {
            Options =
            [
                new ReplyOption(EngineTexts.Agree.In(language), ButtonValue(ConsentKey, "ya")),
                new ReplyOption(EngineTexts.Disagree.In(language), ButtonValue(ConsentKey, "tidak")),
            ],
        };

    /// <summary>"(3/12) prompt" (of the questions that can still come), whether it may be skipped, the current answer, and what the question's type adds.</summary>
    public static OutboundMessage Question(Questionnaire questionnaire, Question question, IQuestionType type, ChatTurn turn)
    {
        var session = turn.Session;
        var lang = session.Language;
        // Out of the questions that can still come (see Flow.StillToCome): a total that never grows mid-form.
        var counted = Flow.StillToCome(questionnaire, session);
        var position = counted.TakeWhile(q => !ReferenceEquals(q, question)).Count() + 1;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"({position}/{counted.Count}) ").Append(question.Prompt.In(lang));
        if (question.Optional)
        {
            text.Append('\n').Append(EngineTexts.Skippable.In(lang));
        }

        if (session.Answers.TryGetValue(question.Id, out var current) && type.PromptShowsCurrentAnswer)
        {
            text.Append("\n\n").Append(EngineTexts.CurrentAnswer.In(lang)).Append(": ")
                .Append(type.Display(question, current, turn.Context));
        }

        return type.Prompt(question, new OutboundMessage(text.ToString()), turn);
    }

    public static IReadOnlyList<ReplyOption> OptionButtons(Question question, string language) =>
        question.Options.Select(o => new ReplyOption(o.Label.In(language), ButtonValue(question.Id, o.Value))).ToList();

    public static OutboundMessage Summary(Questionnaire questionnaire, SessionState session, QuestionTypes types)
    {
        var lang = session.Language;
        var items = Flow.SummaryItems(questionnaire, session.Answers);
        var text = new StringBuilder(questionnaire.Title.In(lang)).Append(" — ").Append(EngineTexts.SummaryTitle.In(lang)).Append('\n');
        for (var i = 0; i < items.Count; i++)
        {
            var q = items[i];
            var value = session.Answers.TryGetValue(q.Id, out var v)
                ? types.Display(q, v, lang, session.Answers)
                : EngineTexts.NotAnswered.In(lang);
            text.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {q.Label.In(lang)}: {value}");
        }

        text.Append("\n\n").Append(EngineTexts.SummaryHint.In(lang));
        return new OutboundMessage(text.ToString())
        {
            Options =
            [
                // The summary's numbers are its answers: the buttons go by word.
                new ReplyOption(EngineTexts.Submit.In(lang), ButtonValue(ReviewKey, "kirim"), EngineTexts.SubmitKey.In(lang)),
                new ReplyOption(EngineTexts.Cancel.In(lang), ButtonValue(ReviewKey, "batal"), EngineTexts.CancelKey.In(lang)),
            ],
        };
    }

    public static OutboundMessage ConfirmCancel(string language) =>
        new(EngineTexts.ConfirmCancel.In(language))
        {
            Options =
            [
                new ReplyOption(EngineTexts.YesCancel.In(language), ButtonValue(CancelKey, "ya")),
                new ReplyOption(EngineTexts.NoContinue.In(language), ButtonValue(CancelKey, "tidak")),
            ],
        };

    public static OutboundMessage ConfirmValue(string display, string language) =>
        new(EngineTexts.ConfirmValue.Format(display).In(language))
        {
            Options =
            [
                new ReplyOption(language == Languages.English ? "Yes" : "Ya", ButtonValue(ConfirmKey, "ya")),
                new ReplyOption(language == Languages.English ? "No" : "Tidak", ButtonValue(ConfirmKey, "tidak")),
            ],
        };
}
