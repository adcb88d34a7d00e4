using System.Globalization;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>Reads one input as the answer to one (non-region) question, with the shared validators.</summary>
internal sealed class AnswerReader(IRegionLookup regions)
{
    private const int DefaultMaxLength = 200;

    public AnswerReading Read(Question question, InboundContent input, SessionState session, DateOnly today)
    {
        return (question.Type, input) switch
        {
            (QuestionType.Phone, ContactInput contact) => FromParsed(PhoneParser.Parse(contact.PhoneNumber), v => v),
            (_, ContactInput) => new AnswerReading.Rejected(EngineTexts.NotAPhoneQuestion),
            (QuestionType.Location, LocationInput at) => FromParsed(CoordinateParser.Check(at.Latitude, at.Longitude), FormatPoint),
            (_, LocationInput) => new AnswerReading.Rejected(EngineTexts.NotALocationQuestion),
            (QuestionType.Photo, PhotoInput photo) => new AnswerReading.Accepted(photo.FileRef),
            (QuestionType.Photo, _) => new AnswerReading.Rejected(EngineTexts.PhotoNeeded),
            (_, PhotoInput) => new AnswerReading.Rejected(EngineTexts.NotAPhotoQuestion),
            (_, ChoiceInput choice) => ReadChoiceValue(question, choice.Value, session),
            (_, TextInput text) => ReadText(question, text.Text, session, today),
            _ => new AnswerReading.Rejected(EngineTexts.Empty),
        };
    }

    private AnswerReading ReadText(Question question, string raw, SessionState session, DateOnly today)
    {
        var text = TextNormalizer.Clean(raw);
        if (text.Length == 0)
        {
            return new AnswerReading.Rejected(EngineTexts.Empty);
        }

        switch (question.Type)
        {
            case QuestionType.Text:
                var max = question.MaxLength ?? DefaultMaxLength;
                if (text.Length > max)
                {
                    return new AnswerReading.Rejected(Format(EngineTexts.TooLong, max));
                }

                return TextNormalizer.HasLetterOrDigit(text)
                    ? new AnswerReading.Accepted(question.ProperName ? NameCase.Tidy(text) : text)
                    : new AnswerReading.Rejected(EngineTexts.NeedsLetters);
            case QuestionType.Integer:
                var upper = question.Max ?? long.MaxValue;
                if (question.MaxFrom is not null && long.TryParse(session.Answers.GetValueOrDefault(question.MaxFrom), out var limit))
                {
                    upper = Math.Min(upper, limit);
                }

                return FromParsed(IntegerParser.Parse(text, question.Min ?? 0, upper),
                    v => v.ToString(CultureInfo.InvariantCulture));
            case QuestionType.Money:
                return ReadMoney(question, text, session);
            case QuestionType.Nik:
                return FromParsed(NikParser.Parse(text, regions, today), v => v.Digits);
            case QuestionType.Phone:
                return FromParsed(PhoneParser.Parse(text), v => v);
            case QuestionType.Year:
                var year = YearParser.Parse(text, today.Year, (int)(question.Min ?? 1900));
                return FromParsed(year, v => v.ToString(CultureInfo.InvariantCulture));
            case QuestionType.Date:
                return FromParsed(DateParser.Parse(text), v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case QuestionType.Location:
                return FromParsed(CoordinateParser.Parse(text), FormatPoint);
            case QuestionType.Nib:
                return FromParsed(NibParser.Parse(text), v => v);
            case QuestionType.Kbli:
                var option = MatchOption(question, text);
                return FromParsed(KbliParser.Parse(option?.Value ?? text), v => v.ToString());
            case QuestionType.Choice:
            case QuestionType.YesNo:
                var chosen = MatchOption(question, text);
                return chosen is null ? ChoiceRejected(question, text) : new AnswerReading.Accepted(chosen.Value);
            case QuestionType.MultiChoice:
                return ReadMultiText(question, text);
            default:
                return new AnswerReading.Rejected(EngineTexts.Empty);
        }
    }

    private AnswerReading ReadChoiceValue(Question question, string value, SessionState session)
    {
        var option = question.FindOption(value);
        if (option is null)
        {
            return new AnswerReading.Rejected(EngineTexts.StaleButton);
        }

        if (question.Type == QuestionType.Kbli)
        {
            return FromParsed(KbliParser.Parse(option.Value), v => v.ToString());
        }

        if (question.Type != QuestionType.MultiChoice)
        {
            return new AnswerReading.Accepted(option.Value);
        }

        // A button press toggles one option; "Selesai" (handled by the engine) finishes.
        var selection = session.MultiSelection ?? [];
        if (!selection.Remove(option.Value))
        {
            selection.Add(option.Value);
        }

        session.MultiSelection = selection;
        return new AnswerReading.Partial(Prompts.MultiSelectionStatus(question, selection, session.Language));
    }

    private static AnswerReading ReadMultiText(Question question, string text)
    {
        var parts = text.Split([',', ';', '/', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && parts[0].Contains(' ', StringComparison.Ordinal) && parts[0].Split(' ').All(p => int.TryParse(p, out _)))
        {
            parts = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        var chosen = new List<string>();
        foreach (var part in parts)
        {
            var option = MatchOption(question, part);
            if (option is null)
            {
                return ChoiceRejected(question, part);
            }

            if (!chosen.Contains(option.Value))
            {
                chosen.Add(option.Value);
            }
        }

        return chosen.Count == 0
            ? new AnswerReading.Rejected(EngineTexts.MultiEmpty)
            : new AnswerReading.Accepted(string.Join(',', OrderLikeOptions(question, chosen)));
    }

    public static IEnumerable<string> OrderLikeOptions(Question question, IEnumerable<string> values) =>
        question.Options.Select(o => o.Value).Where(values.Contains);

    private static AnswerReading ReadMoney(Question question, string text, SessionState session)
    {
        var parsed = MoneyParser.Parse(text, question.AllowNegative);
        if (!parsed.Ok)
        {
            return new AnswerReading.Rejected(parsed.Error!);
        }

        var money = parsed.Value!;
        var rupiah = money.Rupiah;
        UserText? note = null;
        if (question.AnnualizeBy is not null)
        {
            var period = money.Period ?? PeriodOf(session.Answers.GetValueOrDefault(question.AnnualizeBy));
            rupiah = MoneyParser.ToAnnual(money.Rupiah, period);
            note = UserText.Same(MoneyFormat.Rupiah(rupiah)).Append(EngineTexts.PerYear);
            if (period == MoneyPeriod.Day && money.Rupiah != 0)
            {
                note = AnswerReader.Format(EngineTexts.DailyConverted, MoneyFormat.Rupiah(money.Rupiah)).Append(note);
            }
        }

        if (question.Min is not null && rupiah < question.Min || question.Max is not null && rupiah > question.Max)
        {
            return new AnswerReading.Rejected(new UserText(
                $"Jumlahnya di luar batas yang wajar ({MoneyFormat.Rupiah(question.Min ?? 0)}–{MoneyFormat.Rupiah(question.Max ?? long.MaxValue)}). Mohon periksa lagi.",
                $"The amount is outside the plausible range ({MoneyFormat.Rupiah(question.Min ?? 0)}–{MoneyFormat.Rupiah(question.Max ?? long.MaxValue)}). Please check."));
        }

        var value = rupiah.ToString(CultureInfo.InvariantCulture);

        // The prompt's own example ("1,2 M") is taken as written: asking "did you mean…?" about it confuses.
        var fromPrompt = text.Length >= 3
            && (question.Prompt.Id.Contains(text, StringComparison.OrdinalIgnoreCase) || question.Prompt.En.Contains(text, StringComparison.OrdinalIgnoreCase));
        if (money.NeedsConfirmation && !fromPrompt)
        {
            var display = note?.Id ?? MoneyFormat.Rupiah(rupiah);
            return new AnswerReading.Unsure(value, display);
        }

        return new AnswerReading.Accepted(value, note ?? UserText.Same(MoneyFormat.Rupiah(rupiah)));
    }

    private static MoneyPeriod PeriodOf(string? answer) => answer switch
    {
        "hari" => MoneyPeriod.Day,
        "bulan" => MoneyPeriod.Month,
        _ => MoneyPeriod.Year,
    };

    /// <summary>
    /// Matches a typed answer to an option by number, value, label (also without its bracketed
    /// explanation: "Fixed" for "Fixed (shop/stall/home)") or synonym; reduplication written short
    /// (<c>laki2</c>, <c>dua2nya</c>) is read as written out.
    /// </summary>
    public static ChoiceOption? MatchOption(Question question, string text)
    {
        var folded = TextNormalizer.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        if (int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= question.Options.Count && question.Type != QuestionType.Kbli)
        {
            return question.Options[number - 1];
        }

        foreach (var form in TextNormalizer.Forms(folded))
        {
            if (question.Options.FirstOrDefault(o => Names(o).Contains(form)) is { } option)
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>The option closest to a typed answer that matched none, if one is close enough to suggest.</summary>
    public static ChoiceOption? Closest(Question question, string text)
    {
        var folded = TextNormalizer.Fold(text);
        if (folded.Length < 2)
        {
            return null;
        }

        var max = Math.Max(1, folded.Length / 3);
        return question.Options
            .Select(o => (Option: o, Distance: Names(o).Min(n => EditDistance.Bounded(folded, n, max))))
            .Where(c => c.Distance <= max)
            .OrderBy(c => c.Distance)
            .Select(c => c.Option)
            .FirstOrDefault();
    }

    private static AnswerReading ChoiceRejected(Question question, string text)
    {
        var reason = Format(EngineTexts.ChoiceInvalid, question.Options.Count);
        return Closest(question, text) is { } near
            ? new AnswerReading.Rejected(reason.Append(new UserText($"Maksud Anda *{near.Label.Id}*?", $"Did you mean *{near.Label.En}*?")))
            : new AnswerReading.Rejected(reason);
    }

    private static IEnumerable<string> Names(ChoiceOption option) =>
        new[] { option.Value, option.Label.Id, option.Label.En, WithoutBrackets(option.Label.Id), WithoutBrackets(option.Label.En) }
            .Concat(option.Synonyms)
            .Select(TextNormalizer.Fold)
            .Where(n => n.Length > 0)
            .Distinct();

    private static string WithoutBrackets(string label)
    {
        var open = label.IndexOf('(', StringComparison.Ordinal);
        return open > 0 ? label[..open] : label;
    }

    private static AnswerReading FromParsed<T>(Parsed<T> parsed, Func<T, string> canonical) =>
        parsed.Ok
            ? new AnswerReading.Accepted(canonical(parsed.Value!), parsed.Warning)
            : new AnswerReading.Rejected(parsed.Error!);

    private static string FormatPoint(GeoPoint p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Latitude:0.######},{p.Longitude:0.######}");

    public static UserText Format(UserText text, object arg) =>
        new(string.Format(CultureInfo.InvariantCulture, text.Id, arg), string.Format(CultureInfo.InvariantCulture, text.En, arg));
}
