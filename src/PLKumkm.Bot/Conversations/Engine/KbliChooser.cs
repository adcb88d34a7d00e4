using System.Globalization;
using System.Text;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Kbli;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>
/// The sector question in the chat: owners say what they do, not a KBLI code. The activity answered
/// just before (<c>kegiatan</c>), or words typed here, are looked up in KBLI 2020 and the closest codes
/// come back as choices, with "none of these" leading to the section buttons. Letters and codes are
/// still read as they are (<see cref="AnswerReader"/>), so quick entry and import behave the same.
/// </summary>
internal sealed class KbliChooser
{
    public const string NoneValue = "_sektor";
    private const string ActivityQuestion = "kegiatan";

    /// <summary>The question's prompt, with the codes that fit the activity answer when there are some.</summary>
    public OutboundMessage Prompt(OutboundMessage prompt, Question question, SessionState session)
    {
        if (session.KbliChoices is null)
        {
            var activity = session.Answers.GetValueOrDefault(ActivityQuestion);
            session.KbliChoices = activity is null ? [] : Codes(KbliParser.Suggest(activity));
        }

        if (session.KbliChoices.Count == 0)
        {
            return prompt;
        }

        var activityText = session.Answers.GetValueOrDefault(ActivityQuestion) ?? "";
        return prompt with
        {
            Text = prompt.Text + "\n\n" + ChoicesText(AnswerReader.Format(EngineTexts.KbliFromActivity, activityText), session),
            Options = ChoiceButtons(question, session),
        };
    }

    /// <summary>Reads the choices this question offers; null hands the input on to the ordinary reader.</summary>
    public AnswerReading? Read(Question question, InboundContent input, SessionState session)
    {
        var lang = session.Language;
        var offered = session.KbliChoices ?? [];
        switch (input)
        {
            case ChoiceInput { Value: NoneValue }:
                return Sections(question, session);
            case ChoiceInput choice when choice.Value.Length == 5 && choice.Value.All(char.IsAsciiDigit):
                return Accept(choice.Value);
            case TextInput text:
                var folded = TextNormalizer.Fold(text.Text);
                if (int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && folded.Length <= 2)
                {
                    if (offered.Count > 0)
                    {
                        return n >= 1 && n <= offered.Count ? Accept(offered[n - 1])
                            : n == offered.Count + 1 ? Sections(question, session)
                            : new AnswerReading.Rejected(AnswerReader.Format(EngineTexts.ChoiceInvalid, offered.Count + 1));
                    }

                    return n >= 1 && n <= question.Options.Count ? Accept(question.Options[n - 1].Value) : null;
                }

                if (folded is "bukan semuanya" or "bukan" or "tidak ada" or "none of these" or "none" or "sektor" or "sector")
                {
                    return Sections(question, session);
                }

                if (AnswerReader.MatchOption(question, text.Text) is not null || KbliParser.Parse(text.Text).Ok)
                {
                    return null;
                }

                var hits = KbliParser.Suggest(text.Text);
                if (hits.Count == 0 || !KbliSections.InScope(hits[0].Entry.Section))
                {
                    return null;
                }

                session.KbliChoices = Codes(hits);
                var intro = AnswerReader.Format(EngineTexts.KbliFromWords, TextNormalizer.Clean(text.Text));
                return new AnswerReading.Partial(new OutboundMessage(ChoicesText(intro, session))
                {
                    Options = ChoiceButtons(question, session),
                });
            default:
                return null;
        }

        AnswerReading Accept(string value)
        {
            var parsed = KbliParser.Parse(value);
            if (!parsed.Ok)
            {
                return new AnswerReading.Rejected(parsed.Error!);
            }

            var code = parsed.Value!.ToString();
            return new AnswerReading.Accepted(code, UserText.Same("✓ " + Display(code, lang)));
        }
    }

    private static AnswerReading Sections(Question question, SessionState session)
    {
        session.KbliChoices = [];
        return new AnswerReading.Partial(new OutboundMessage(EngineTexts.KbliPickSection.In(session.Language))
        {
            Options = Prompts.OptionButtons(question, session.Language),
        });
    }

    private static string ChoicesText(UserText intro, SessionState session)
    {
        var lang = session.Language;
        var text = new StringBuilder(intro.In(lang));
        var codes = session.KbliChoices!;
        for (var i = 0; i < codes.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {Display(codes[i], lang)}");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n{codes.Count + 1}. {EngineTexts.KbliNoneOfThese.In(lang)}");
        text.Append('\n').Append(EngineTexts.KbliChoicesHint.In(lang));
        return text.ToString();
    }

    private static IReadOnlyList<ReplyOption> ChoiceButtons(Question question, SessionState session) =>
        [
            .. session.KbliChoices!.Select(c => new ReplyOption(Display(c, session.Language), Prompts.ButtonValue(question.Id, c))),
            new ReplyOption(EngineTexts.KbliNoneOfThese.In(session.Language), Prompts.ButtonValue(question.Id, NoneValue)),
        ];

    private static string Display(string code, string language) =>
        KbliCatalog.Default.Find(code) is { } entry ? $"{code} {entry.Title}" : code;

    private static List<string> Codes(IReadOnlyList<KbliHit> hits) =>
        hits.Count > 0 && KbliSections.InScope(hits[0].Entry.Section)
            ? hits.Where(h => KbliSections.InScope(h.Entry.Section)).Select(h => h.Entry.Code).ToList()
            : [];
}
