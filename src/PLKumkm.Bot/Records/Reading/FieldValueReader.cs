using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Records.Reading;

/// <summary>What an answer the chat would confirm first ("did you mean Rp50?") becomes where nobody can be asked.</summary>
internal enum UnsureAnswers
{
    /// <summary>A typed entry: the sender is asked to write it more clearly; nothing is guessed.</summary>
    Refuse,

    /// <summary>A file: its figures are deliberate, so they are taken as written.</summary>
    Take,
}

/// <summary>One value read as an answer: its canonical form, or why it was refused; <see cref="Note"/> is a warning worth passing on.</summary>
internal readonly record struct FieldReading(string? Value, UserText? Error, UserText? Note = null);

/// <summary>
/// Reads values written outside the chat (a quick entry's <c>Key: value</c>, an import row's cells) as a questionnaire's
/// answers, with the chat's own <see cref="AnswerReader"/>: the same parsers, limits, options and synonyms. The one
/// place that decides what an unsure reading means without someone to ask (<see cref="UnsureAnswers"/>).
/// Not thread-safe: one reader per thread (the <see cref="AnswerCache"/> may be shared).
/// </summary>
internal sealed class FieldValueReader(RegionCatalog regions, UnsureAnswers unsure, AnswerCache? cache = null)
{
    private readonly AnswerReader _answers = new(regions);
    private readonly VillageFinder _villages = new(regions);

    /// <summary>
    /// <paramref name="text"/> as the answer to <paramref name="question"/> (not a region, not a photo);
    /// <paramref name="session"/> holds the earlier answers a limit may refer to (<c>max_from</c>, <c>annualize_by</c>).
    /// </summary>
    public FieldReading Read(Question question, string text, SessionState session, DateOnly today)
    {
        if (FastChoice(question, text) is { } canonical)
        {
            return new FieldReading(canonical, null);
        }

        if (cache is null || !AnswerCache.Worth(question))
        {
            return ReadAnswer(question, text, session, today);
        }

        var key = AnswerCache.Key(question, text, session.Answers);
        if (!cache.TryGet(question, key, out var reading))
        {
            reading = ReadAnswer(question, text, session, today);
            cache.Add(question, key, reading);
        }

        return reading;
    }

    /// <summary>A village by name or code inside <paramref name="scope"/>; <paramref name="label"/> is the key the hint shows.</summary>
    public FieldReading ReadVillage(string text, string scope, string label)
    {
        switch (_villages.Find(text, scope))
        {
            case VillageLookup.Found found:
                return new FieldReading(found.Village.Code, null);
            case VillageLookup.Ambiguous ambiguous:
                var names = string.Join("; ", ambiguous.Candidates.Select(_villages.Describe));
                var hint = Hint(ambiguous.Candidates[0], _villages.Describe(ambiguous.Candidates[0]));
                return new FieldReading(null, new UserText(
                    $"\"{text}\" cocok dengan beberapa desa: {names}. Tulis dengan kecamatannya, mis. {label}: {hint}, atau kode desanya.",
                    $"\"{text}\" matches several villages: {names}. Add the district, e.g. {label}: {hint}, or write the village code."));
            case VillageLookup.NotFound notFound:
                return new FieldReading(null, notFound.Reason);
            default:
                return new FieldReading(null, NotReadable);
        }
    }

    private static readonly UserText NotReadable = new("isinya belum bisa dibaca.", "could not be read.");

    private FieldReading ReadAnswer(Question question, string text, SessionState session, DateOnly today) =>
        _answers.Read(question, new TextInput(text), session, today) switch
        {
            // A money note only echoes the amount; other notes are warnings (an old NIK region).
            AnswerReading.Accepted accepted => new FieldReading(accepted.Value, null, question.Type == QuestionType.Money ? null : accepted.Note),
            AnswerReading.Rejected rejected => new FieldReading(null, rejected.Reason),
            AnswerReading.Unsure taken when unsure == UnsureAnswers.Take => new FieldReading(taken.Value, null),
            AnswerReading.Unsure refused => new FieldReading(null, Unclear(question, refused.Display)),
            _ => new FieldReading(null, NotReadable),
        };

    private static UserText Unclear(Question question, string display) => question.AnnualizeBy is null
        ? new UserText(
            $"terbaca {display} — jumlah seperti ini perlu ditulis lebih jelas (mis. 50rb, 2,5jt, 1,2 miliar).",
            $"read as {display} — please write such an amount more clearly (e.g. 50rb, 2,5jt, 1,2 miliar).")
        : new UserText(
            $"terbaca {display} — jumlah seperti ini perlu ditulis lebih jelas (mis. 50rb, 2,5jt, 1,2 miliar; per hari/bulan/tahun).",
            $"read as {display} — please write such an amount more clearly (e.g. 50rb, 2,5jt, 1,2 miliar; per day/month/year).");

    // A value already holding an option's value (what an export writes) is that option: the same result the
    // reader gives, without folding every label of every option for every row.
    private static string? FastChoice(Question question, string text)
    {
        if (question.Type is QuestionType.Choice or QuestionType.YesNo)
        {
            return question.Options.FirstOrDefault(o => string.Equals(o.Value, text, StringComparison.Ordinal))?.Value;
        }

        if (question.Type == QuestionType.MultiChoice)
        {
            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            return parts.All(p => question.Options.Any(o => string.Equals(o.Value, p, StringComparison.Ordinal)))
                ? string.Join(',', AnswerReader.OrderLikeOptions(question, parts))
                : null;
        }

        return null;
    }

    // "Sukajadi (Kecamatan Baturaja Timur)" → "Sukajadi, Baturaja Timur".
    private static string Hint(Region village, string described)
    {
        var open = described.IndexOf(" (Kecamatan ", StringComparison.Ordinal);
        return open < 0 ? village.Name : $"{village.Name}, {described[(open + " (Kecamatan ".Length)..^1]}";
    }
}
