using System.Globalization;
using System.Text;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>Turns questions, answers and summaries into outbound messages.</summary>
internal static class Prompts
{
    public const string ConsentKey = "_consent";
    public const string ReviewKey = "_review";
    public const string CancelKey = "_cancel";
    public const string ConfirmKey = "_confirm";
    public const string MultiDoneValue = "_multi=done";

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

    public static OutboundMessage Question(Questionnaire questionnaire, Question question, SessionState session, RegionCatalog regions)
    {
        var lang = session.Language;
        var applicable = Flow.Applicable(questionnaire, session.Answers).ToList();
        var position = applicable.IndexOf(question) + 1;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"({position}/{applicable.Count}) ").Append(question.Prompt.In(lang));
        if (question.Optional)
        {
            text.Append('\n').Append(EngineTexts.Skippable.In(lang));
        }

        if (session.Answers.TryGetValue(question.Id, out var current) && question.Type != QuestionType.Region)
        {
            text.Append("\n\n").Append(EngineTexts.CurrentAnswer.In(lang)).Append(": ")
                .Append(Display(question, current, lang, regions, session.Answers));
        }

        var message = new OutboundMessage(text.ToString());
        return question.Type switch
        {
            QuestionType.Phone => message with { Request = ReplyRequest.Contact },
            QuestionType.Location => message with { Request = ReplyRequest.Location },
            QuestionType.MultiChoice => message with
            {
                Text = message.Text + "\n" + EngineTexts.MultiHint.In(lang),
                Options = [.. OptionButtons(question, lang), new ReplyOption(EngineTexts.MultiDone.In(lang), MultiDoneValue)],
            },
            _ when question.Options.Count > 0 => message with { Options = OptionButtons(question, lang) },
            _ => message,
        };
    }

    public static IReadOnlyList<ReplyOption> OptionButtons(Question question, string language) =>
        question.Options.Select(o => new ReplyOption(o.Label.In(language), $"{question.Id}={o.Value}")).ToList();

    public static OutboundMessage MultiSelectionStatus(Question question, IReadOnlyList<string> selection, string language)
    {
        var labels = AnswerReader.OrderLikeOptions(question, selection)
            .Select(v => question.FindOption(v)!.Label.In(language));
        var chosen = selection.Count == 0 ? EngineTexts.NotAnswered.In(language) : string.Join(", ", labels);
        return new OutboundMessage($"{EngineTexts.MultiChosen.In(language)}: {chosen}")
        {
            Options = [.. OptionButtons(question, language), new ReplyOption(EngineTexts.MultiDone.In(language), MultiDoneValue)],
        };
    }

    public static OutboundMessage Summary(Questionnaire questionnaire, SessionState session, RegionCatalog regions)
    {
        var lang = session.Language;
        var items = Flow.SummaryItems(questionnaire, session.Answers);
        var text = new StringBuilder(questionnaire.Title.In(lang)).Append(" — ").Append(EngineTexts.SummaryTitle.In(lang)).Append('\n');
        for (var i = 0; i < items.Count; i++)
        {
            var q = items[i];
            var value = session.Answers.TryGetValue(q.Id, out var v)
                ? Display(q, v, lang, regions, session.Answers)
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
        new(AnswerReader.Format(EngineTexts.ConfirmValue, display).In(language))
        {
            Options =
            [
                new ReplyOption(language == Languages.English ? "Yes" : "Ya", ButtonValue(ConfirmKey, "ya")),
                new ReplyOption(language == Languages.English ? "No" : "Tidak", ButtonValue(ConfirmKey, "tidak")),
            ],
        };

    /// <summary>How a stored answer reads back to a person (NIK masked, money formatted, labels for codes).</summary>
    public static string Display(Question question, string value, string language, RegionCatalog regions)
    {
        switch (question.Type)
        {
            case QuestionType.Nik:
                return NikParser.Mask(value);
            case QuestionType.Money:
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rupiah)
                    ? MoneyFormat.Rupiah(rupiah) + (question.AnnualizeBy is null ? "" : " " + EngineTexts.PerYear.In(language))
                    : value;
            default:
                return DisplayOther(question, value, language, regions);
        }
    }

    /// <summary>
    /// As <see cref="Display(Question, string, string, RegionCatalog)"/>, and an amount counted per day or month (its period answered in <paramref name="answers"/>)
    /// shown in that period too: "Rp3.000.000 per bulan (Rp36.000.000 per tahun)", so going back shows what was typed.
    /// </summary>
    public static string Display(Question question, string value, string language, RegionCatalog regions, IReadOnlyDictionary<string, string> answers)
    {
        if (question is { Type: QuestionType.Money, AnnualizeBy: { } by }
            && answers.GetValueOrDefault(by) is { } period and ("hari" or "bulan")
            && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var annual))
        {
            var per = period == "hari" ? annual / MoneyParser.OpenDaysPerYear : annual / 12;
            var word = (period, language) switch
            {
                ("hari", Languages.English) => "day",
                ("bulan", Languages.English) => "month",
                _ => period,
            };
            return $"{MoneyFormat.Rupiah(per)} {AnswerReader.Format(EngineTexts.PerPeriod, word).In(language)} ({Display(question, value, language, regions)})";
        }

        return Display(question, value, language, regions);
    }

    private static string DisplayOther(Question question, string value, string language, RegionCatalog regions)
    {
        switch (question.Type)
        {
            case QuestionType.Choice:
            case QuestionType.YesNo:
                return question.FindOption(value)?.Label.In(language) ?? value;
            case QuestionType.MultiChoice:
                return string.Join(", ", value.Split(',').Select(v => question.FindOption(v)?.Label.In(language) ?? v));
            case QuestionType.Region:
                return RegionPath(value, regions);
            case QuestionType.Photo:
                return EngineTexts.PhotoAttached.In(language);
            case QuestionType.Date:
                return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? DateParser.Format(date, language)
                    : value;
            case QuestionType.Location:
                return value.Replace(",", ", ", StringComparison.Ordinal);
            case QuestionType.Kbli:
                if (Kbli.KbliCatalog.Default.Find(value) is { IsLeaf: true } entry)
                {
                    return $"{value} {entry.Title}";
                }

                var section = value.Length > 0 && char.IsLetter(value[0]) ? value[0] : KbliParser.Parse(value).Value?.Section;
                return section is null ? value : $"{value} ({KbliSections.ShortTitle(section.Value).In(language)})";
            default:
                return value;
        }
    }

    /// <summary>e.g. <c>Desa Sukaraya, Kec. Baturaja Timur, Kab. Ogan Komering Ulu, Sumatera Selatan</c>.</summary>
    public static string RegionPath(string code, RegionCatalog regions)
    {
        var parts = new List<string>();
        for (var region = regions.Find(code); region is not null; region = region.ParentCode is null ? null : regions.Find(region.ParentCode))
        {
            if (region.Level == RegionLevel.Country)
            {
                break;
            }

            parts.Add(region.Level switch
            {
                RegionLevel.District => $"Kec. {region.Name}",
                RegionLevel.Regency when region.Kind == "Kabupaten" => $"Kab. {region.Name}",
                RegionLevel.Province => region.Name,
                _ => region.FullName,
            });
        }

        return parts.Count == 0 ? code : string.Join(", ", parts);
    }
}
