using System.Globalization;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>
/// Rupiah as people write them (<c>3jt an</c>, <c>1,2 M</c>, <c>nol</c>) within <c>min</c>/<c>max</c>; with
/// <c>annualize_by</c> made annual from the period an earlier choice gives (<c>hari</c>, <c>bulan</c>, <c>tahun</c>).
/// An unusual form is asked back ("did you mean …?") unless it is the prompt's own example.
/// </summary>
internal sealed class MoneyType : QuestionTypeBase
{
    private static readonly HashSet<string> PeriodValues = new(StringComparer.Ordinal) { "hari", "bulan", "tahun" };

    public override string Name => QuestionType.Money;

    public override QuestionKeys Keys => QuestionKeys.MinMax | QuestionKeys.AnnualizeBy;

    public override bool FewDistinctValues => true;

    public override void Check(QuestionSpec spec, Question question)
    {
        if (question.AnnualizeBy is { } by
            && (spec.Earlier(by) is not { Type: QuestionType.Choice } period || period.Options.Any(o => !PeriodValues.Contains(o.Value))))
        {
            spec.Fail($"'annualize_by' must name an earlier choice question with options among: {string.Join(", ", PeriodValues)}");
        }
    }

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context)
    {
        var parsed = MoneyParser.Parse(text, question.AllowNegative);
        if (!parsed.Ok)
        {
            return new AnswerReading.Rejected(parsed.Error!);
        }

        var money = parsed.Value!;
        var rupiah = money.Rupiah;
        UserText? note = null;
        Dictionary<string, string>? settles = null;
        if (question.AnnualizeBy is { } by)
        {
            var period = money.Period ?? PeriodOf(context.Answers.GetValueOrDefault(by));
            if (money.Period is { } written && ValueOf(written) != context.Answers.GetValueOrDefault(by))
            {
                // Written with its own period ("500rb/hari" after "per bulan"): that period is the one it was given in.
                settles = new Dictionary<string, string>(StringComparer.Ordinal) { [by] = ValueOf(written) };
            }

            rupiah = MoneyParser.ToAnnual(money.Rupiah, period);
            note = UserText.Same(MoneyFormat.Rupiah(rupiah)).Append(EngineTexts.PerYear);
            if (period == MoneyPeriod.Day && money.Rupiah != 0)
            {
                note = EngineTexts.DailyConverted.Format(MoneyFormat.Rupiah(money.Rupiah)).Append(note);
            }
        }

        if (question.Min is not null && rupiah < question.Min || question.Max is not null && rupiah > question.Max)
        {
            var range = $"{MoneyFormat.Rupiah(question.Min ?? 0)}–{MoneyFormat.Rupiah(question.Max ?? long.MaxValue)}";
            return new AnswerReading.Rejected(new UserText(
                $"Jumlahnya di luar batas yang wajar ({range}). Mohon periksa lagi.",
                $"The amount is outside the plausible range ({range}). Please check."));
        }

        var value = rupiah.ToString(CultureInfo.InvariantCulture);

        // The prompt's own example ("1,2 M") is taken as written: asking "did you mean…?" about it confuses.
        var fromPrompt = text.Length >= 3
            && (question.Prompt.Id.Contains(text, StringComparison.OrdinalIgnoreCase) || question.Prompt.En.Contains(text, StringComparison.OrdinalIgnoreCase));
        if (money.NeedsConfirmation && !fromPrompt)
        {
            return new AnswerReading.Unsure(value, note?.Id ?? MoneyFormat.Rupiah(rupiah)) { Settles = settles };
        }

        return new AnswerReading.Accepted(value, note ?? UserText.Same(MoneyFormat.Rupiah(rupiah))) { Settles = settles };
    }

    /// <summary>
    /// Formatted, and an amount counted per day or month (its period answered) shown in that period too:
    /// "Rp3.000.000 per bulan (Rp36.000.000 per tahun)", so going back shows what was typed.
    /// </summary>
    public override string Display(Question question, string value, QuestionContext context)
    {
        var language = context.Language;
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            return value;
        }

        var annual = MoneyFormat.Rupiah(amount) + (question.AnnualizeBy is null ? "" : " " + EngineTexts.PerYear.In(language));
        if (question.AnnualizeBy is not { } by || context.Answers.GetValueOrDefault(by) is not { } period || period is not ("hari" or "bulan"))
        {
            return annual;
        }

        var per = period == "hari" ? amount / MoneyParser.OpenDaysPerYear : amount / 12;
        var word = (period, language) switch
        {
            ("hari", Languages.English) => "day",
            ("bulan", Languages.English) => "month",
            _ => period,
        };
        return $"{MoneyFormat.Rupiah(per)} {EngineTexts.PerPeriod.Format(word).In(language)} ({annual})";
    }

    private static string ValueOf(MoneyPeriod period) => period switch
    {
        MoneyPeriod.Day => "hari",
        MoneyPeriod.Month => "bulan",
        _ => "tahun",
    };

    private static MoneyPeriod PeriodOf(string? answer) => answer switch
    {
        "hari" => MoneyPeriod.Day,
        "bulan" => MoneyPeriod.Month,
        _ => MoneyPeriod.Year,
    };
}
