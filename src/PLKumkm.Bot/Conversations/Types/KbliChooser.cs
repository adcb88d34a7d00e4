using System.Globalization;
using System.Text;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Kbli;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>
/// The sector question in the chat: owners say what they do, not a KBLI code. The activity answered
/// just before (<c>kegiatan</c>), or words typed here, are looked up in KBLI 2020 and the closest codes
/// come back as choices, with "none of these" leading to the section buttons. Letters and codes are
/// still read as they are (<see cref="KbliType.Read"/>), so quick entry and import behave the same.
/// </summary>
internal static class KbliChooser
{
    public const string NoneValue = "_sektor";
    private const string ActivityQuestion = "kegiatan";

    /// <summary>The question's prompt, with the codes that fit the activity answer when there are some.</summary>
    public static OutboundMessage Prompt(OutboundMessage prompt, Question question, SessionState session)
    {
        var offer = session.QuestionStateOr(() => new KbliOffer
        {
            Codes = session.Answers.GetValueOrDefault(ActivityQuestion) is { } activity ? Codes(KbliParser.Suggest(activity)) : [],
        });
        if (offer.Codes.Count == 0)
        {
            return prompt;
        }

        var activityText = session.Answers.GetValueOrDefault(ActivityQuestion) ?? "";
        return prompt with
        {
            Text = prompt.Text + "\n\n" + ChoicesText(EngineTexts.KbliFromActivity.Format(activityText), offer.Codes, session.Language),
            Options = ChoiceButtons(question, offer.Codes, session.Language),
        };
    }

    /// <summary>A button of the choices offered; null hands it on to the section buttons' reading.</summary>
    public static AnswerReading? ReadButton(Question question, string value, SessionState session) => value switch
    {
        NoneValue => Sections(question, session),
        _ when value.Length == 5 && value.All(char.IsAsciiDigit) => Accept(value, session.Language),
        _ => null,
    };

    /// <summary>Typed text read as one of the choices offered, or as words to look up; null hands it on to the ordinary reading.</summary>
    public static AnswerReading? ReadText(Question question, string typed, SessionState session)
    {
        var offered = session.QuestionStateAs<KbliOffer>()?.Codes ?? [];
        var folded = TextNormalizer.Fold(typed);
        if (int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && folded.Length <= 2)
        {
            if (offered.Count > 0)
            {
                return n >= 1 && n <= offered.Count ? Accept(offered[n - 1], session.Language)
                    : n == offered.Count + 1 ? Sections(question, session)
                    : new AnswerReading.Rejected(EngineTexts.ChoiceInvalid.Format(offered.Count + 1));
            }

            return n >= 1 && n <= question.Options.Count ? Accept(question.Options[n - 1].Value, session.Language) : null;
        }

        if (folded is "bukan semuanya" or "bukan" or "tidak ada" or "none of these" or "none" or "sektor" or "sector")
        {
            return Sections(question, session);
        }

        if (OptionMatcher.Match(question, typed, byNumber: false) is not null || KbliParser.Parse(typed).Ok)
        {
            return null;
        }

        var hits = KbliParser.Suggest(typed);
        if (hits.Count == 0 || !KbliSections.InScope(hits[0].Entry.Section))
        {
            return null;
        }

        var codes = Codes(hits);
        session.QuestionState = new KbliOffer { Codes = codes };
        var intro = EngineTexts.KbliFromWords.Format(TextNormalizer.Clean(typed));
        return new AnswerReading.Partial(new OutboundMessage(ChoicesText(intro, codes, session.Language))
        {
            Options = ChoiceButtons(question, codes, session.Language),
        });
    }

    /// <summary>e.g. <c>47111 Perdagangan eceran …</c>.</summary>
    public static string Display(string code) =>
        KbliCatalog.Default.Find(code) is { } entry ? $"{code} {entry.Title}" : code;

    private static AnswerReading Accept(string value, string language)
    {
        var parsed = KbliParser.Parse(value);
        if (!parsed.Ok)
        {
            return new AnswerReading.Rejected(parsed.Error!);
        }

        var code = parsed.Value!.ToString();
        return new AnswerReading.Accepted(code, UserText.Same("✓ " + Display(code)));
    }

    private static AnswerReading Sections(Question question, SessionState session)
    {
        session.QuestionState = new KbliOffer();
        return new AnswerReading.Partial(new OutboundMessage(EngineTexts.KbliPickSection.In(session.Language))
        {
            Options = Prompts.OptionButtons(question, session.Language),
        });
    }

    private static string ChoicesText(UserText intro, List<string> codes, string language)
    {
        var text = new StringBuilder(intro.In(language));
        for (var i = 0; i < codes.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {Display(codes[i])}");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n{codes.Count + 1}. {EngineTexts.KbliNoneOfThese.In(language)}");
        text.Append('\n').Append(EngineTexts.KbliChoicesHint.In(language));
        return text.ToString();
    }

    private static IReadOnlyList<ReplyOption> ChoiceButtons(Question question, List<string> codes, string language) =>
        [
            .. codes.Select(c => new ReplyOption(Display(c), Prompts.ButtonValue(question.Id, c))),
            new ReplyOption(EngineTexts.KbliNoneOfThese.In(language), Prompts.ButtonValue(question.Id, NoneValue)),
        ];

    private static List<string> Codes(IReadOnlyList<KbliHit> hits) =>
        hits.Count > 0 && KbliSections.InScope(hits[0].Entry.Section)
            ? hits.Where(h => KbliSections.InScope(h.Entry.Section)).Select(h => h.Entry.Code).ToList()
            : [];
}

/// <summary>
/// The KBLI codes offered as choices at the sector question (from the activity answer or typed words); empty once the
/// person asked for the sections instead. No offer at all (no question state) when nothing was offered yet.
/// </summary>
internal sealed class KbliOffer
{
    public List<string> Codes { get; set; } = [];
}
