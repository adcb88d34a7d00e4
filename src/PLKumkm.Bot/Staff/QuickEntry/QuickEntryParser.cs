using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records.Reading;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Staff.QuickEntry;

/// <summary>What is wrong with one field (or one line) of a quick entry.</summary>
internal sealed record QuickEntryError(string? FieldId, int? Line, UserText Message);

/// <summary>
/// A read quick entry: canonical answers by field id, exactly as the questionnaire engine would store
/// them, or the errors (one per field). <see cref="Notes"/> are warnings worth passing on (e.g. an old NIK region).
/// </summary>
internal sealed record QuickEntryResult(
    bool Blank,
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<QuickEntryError> Errors,
    IReadOnlyList<UserText> Notes)
{
    public bool Ok => !Blank && Errors.Count == 0;
}

/// <summary>
/// Reads a <c>#&lt;questionnaire id&gt;</c> quick entry (<c>#umkm</c>, <c>#koperasi</c>, any questionnaire loaded) with
/// that questionnaire's keys, required fields (its <see cref="QuickEntryDefinition"/>) and questions: the same
/// validators, limits, options and synonyms as the guided chat, and the village inside the enumerator's region. Pure:
/// no storage, no clock. Everything not required is optional; a repeat of the same business fills or corrects fields
/// without erasing the ones it leaves out.
/// </summary>
internal sealed class QuickEntryParser
{
    private readonly Questionnaire _questionnaire;
    private readonly QuickEntryLines _lines;
    private readonly QuickEntryTexts _texts;
    private readonly FieldValueReader _reader;
    private readonly Dictionary<string, int> _order;

    public QuickEntryParser(Questionnaire questionnaire, RegionCatalog regions)
    {
        _questionnaire = questionnaire;
        Keys = new QuickEntryKeys(questionnaire.QuickEntry);
        _lines = new QuickEntryLines(questionnaire, Keys);
        _texts = new QuickEntryTexts(questionnaire, Keys);
        _reader = new FieldValueReader(regions, UnsureAnswers.Refuse);
        _order = questionnaire.Questions.Select((q, i) => (q.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
    }

    public Questionnaire Questionnaire => _questionnaire;

    public QuickEntryKeys Keys { get; }

    /// <summary>The lines after this questionnaire's tag; null when <paramref name="text"/> does not open with it.</summary>
    public QuickEntryMessage? Read(string? text) => QuickEntryMessage.Read(text, _questionnaire.Id, Keys);

    /// <summary>Lines without the tag (<c>/cepat</c> followed by the fields).</summary>
    public QuickEntryMessage FromBody(string body, int firstLineNumber) => QuickEntryMessage.FromBody(body, Keys, firstLineNumber);

    /// <summary>Reads <paramref name="text"/> (opening with the tag, or only the lines) for someone working in <paramref name="scope"/>.</summary>
    public QuickEntryResult Parse(string text, string scope, DateOnly today) => Parse(Read(text) ?? QuickEntryMessage.FromBody(text, Keys), scope, today);

    public QuickEntryResult Parse(QuickEntryMessage message, string scope, DateOnly today)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (message.IsBlank)
        {
            return new QuickEntryResult(true, answers, [], []);
        }

        var errors = new List<QuickEntryError>();
        var notes = new List<UserText>();
        var given = _lines.Collect(message, errors);

        // Questionnaire order, whatever order the lines came in: a limit that depends on another answer
        // (paid workers ≤ workers) then reads like in the guided chat.
        var session = new SessionState { QuestionnaireId = _questionnaire.Id, QuestionnaireVersion = _questionnaire.Version };
        foreach (var (fieldId, field) in given.OrderBy(g => _order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Value.Line))
        {
            var reading = Read(fieldId, field, scope, session, today);
            if (reading.Value is { } value)
            {
                answers[fieldId] = value;
                session.Answers[fieldId] = value;
            }

            if (reading.Error is { } error)
            {
                errors.Add(new QuickEntryError(fieldId, field.Line, _texts.Labelled(fieldId, field.Line, error)));
            }
            else if (reading.Note is { } note)
            {
                notes.Add(note);
            }
        }

        foreach (var fieldId in _questionnaire.QuickEntry.RequiredInEntry.Where(f => !given.ContainsKey(f) && !errors.Any(e => e.FieldId == f)))
        {
            errors.Add(new QuickEntryError(fieldId, null, _texts.Labelled(fieldId, null, Missing(fieldId, given))));
        }

        var ordered = errors.OrderBy(e => e.Line ?? int.MaxValue).ToList();
        return new QuickEntryResult(false, ordered.Count == 0 ? answers : new Dictionary<string, string>(), ordered, notes);
    }

    private FieldReading Read(string fieldId, GivenField field, string scope, SessionState session, DateOnly today)
    {
        var question = _questionnaire.Find(fieldId);
        if (question is null || !question.Store)
        {
            return new FieldReading(null, QuickEntryTexts.NotAsked);
        }

        if (question.Type == QuestionType.Region)
        {
            return _reader.ReadVillage(field.Value, scope, Keys.LabelOf(fieldId));
        }

        var value = field.Value;
        if (field.Period is not null && MoneyParser.Parse(value).Value is { Period: null })
        {
            value += " " + field.Period;
        }

        return _reader.Read(question, value, session, today);
    }

    /// <summary>
    /// "Required", and for a missing sector whose activity is written (the question just before it), the codes that
    /// fit that activity, to copy (the chat offers them as choices).
    /// </summary>
    private UserText Missing(string fieldId, Dictionary<string, GivenField> given)
    {
        var index = _questionnaire.IndexOf(fieldId);
        if (index < 1 || _questionnaire.Questions[index].Type != QuestionType.Kbli
            || !given.TryGetValue(_questionnaire.Questions[index - 1].Id, out var activity)
            || KbliParser.Suggest(activity.Value) is not { Count: > 0 } hits || !KbliSections.InScope(hits[0].Entry.Section))
        {
            return QuickEntryTexts.Required;
        }

        var codes = string.Join("; ", hits.Select(h => $"{h.Entry.Code} {h.Entry.Title}"));
        return QuickEntryTexts.Required.Append(new UserText($"Untuk kegiatan itu yang paling cocok: {codes}.", $"For that activity the closest: {codes}."));
    }
}
