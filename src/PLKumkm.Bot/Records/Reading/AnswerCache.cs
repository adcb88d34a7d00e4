using System.Collections.Concurrent;
using PLKumkm.Bot.Conversations.Definition;

namespace PLKumkm.Bot.Records.Reading;

/// <summary>
/// Remembers how a cell was read (<see cref="FieldValueReader"/>), shared by the import's validation threads. Reading an answer
/// depends only on the question, the text and the earlier answers the question refers to (its
/// <c>max_from</c> and <c>annualize_by</c>), all part of the key, so a remembered reading is the
/// reading. Files repeat the same amounts, counts, years and codes endlessly; this makes the
/// chat's full parsers affordable at a million rows.
/// </summary>
internal sealed class AnswerCache
{
    /// <summary>Beyond this many distinct cells the cache stops growing (memory stays bounded; reading stays correct).</summary>
    public const int MaxEntries = 250_000;

    private readonly ConcurrentDictionary<(string Question, string Key), FieldReading> _readings = new();

    /// <summary>Questions whose answers are mostly one of few values; names, NIKs and phone numbers are not worth remembering.</summary>
    public static bool Worth(Question question) =>
        question.Type is QuestionType.Integer or QuestionType.Money or QuestionType.Year or QuestionType.Date or QuestionType.Kbli
            or QuestionType.Choice or QuestionType.YesNo or QuestionType.MultiChoice;

    public static string Key(Question question, string text, IReadOnlyDictionary<string, string> answers) =>
        question.MaxFrom is null && question.AnnualizeBy is null
            ? text
            : $"{text}\u0001{(question.MaxFrom is null ? "" : answers.GetValueOrDefault(question.MaxFrom))}\u0001{(question.AnnualizeBy is null ? "" : answers.GetValueOrDefault(question.AnnualizeBy))}";

    public bool TryGet(Question question, string key, out FieldReading reading) => _readings.TryGetValue((question.Id, key), out reading);

    public void Add(Question question, string key, FieldReading reading)
    {
        if (_readings.Count < MaxEntries)
        {
            _readings.TryAdd((question.Id, key), reading);
        }
    }
}
