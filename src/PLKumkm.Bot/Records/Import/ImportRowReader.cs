using System.Globalization;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records.Reading;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// Reads one CSV row (header → value) of a questionnaire's field ids with exactly the chat's rules, as a quick entry
/// reads its <c>Key: value</c> lines: each column that is a question goes through the same <see cref="FieldValueReader"/>
/// (an amount the chat would confirm is taken as written: a file has no one to ask, and its figures are deliberate),
/// the village is a code or a name anywhere in Indonesia, and the fields the chat gathers differently (coordinates,
/// photo reference, submission time, enumerator) have their own checks here. Required: the questionnaire's
/// <see cref="QuickEntryDefinition.Required"/>. An empty cell is "not given". Not thread-safe: one reader per thread.
/// </summary>
internal sealed class ImportRowReader
{
    private readonly Step[] _steps;
    private readonly (string Id, int Column)[] _required;
    private readonly FieldValueReader _reader;
    private readonly RegionCatalog _regions;
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly SessionState _session;
    private readonly int _lat = -1;
    private readonly int _lon = -1;
    private readonly int _width;

    /// <param name="columns">The header's field ids, in file order (already checked with <see cref="ImportHeader.Check"/>).</param>
    /// <param name="ignored">Columns accepted and not read (what an export adds, <c>sumber</c>).</param>
    public ImportRowReader(IReadOnlyList<string> columns, Questionnaire questionnaire, RegionCatalog regions, DateTimeOffset now,
        IReadOnlySet<string> ignored, AnswerCache? cache = null)
    {
        _regions = regions;
        _width = columns.Count;
        _reader = new FieldValueReader(regions, UnsureAnswers.Take, cache);
        _now = now;
        _today = DateOnly.FromDateTime(now.UtcDateTime);
        _session = new SessionState { QuestionnaireId = questionnaire.Id, QuestionnaireVersion = questionnaire.Version };
        var steps = new List<Step>();
        for (var i = 0; i < columns.Count; i++)
        {
            var id = columns[i];
            if (id == QuickEntryDefinition.Latitude)
            {
                _lat = i;
            }
            else if (id == QuickEntryDefinition.Longitude)
            {
                _lon = i;
            }
            else if (!ignored.Contains(id))
            {
                var question = questionnaire.Find(id);
                var read = question is { Store: true, Type: not (QuestionType.Location or QuestionType.Photo) };
                steps.Add(new Step(id, i, read ? question : null, question is null ? int.MaxValue : questionnaire.IndexOf(id)));
            }
        }

        // Questionnaire order, so a limit taken from an earlier answer (paid workers ≤ workers) applies.
        _steps = [.. steps.OrderBy(s => s.Order).ThenBy(s => s.Column)];
        _required = [.. questionnaire.QuickEntry.Required.Select(r => (r, columns.ToList().IndexOf(r)))];
    }

    /// <summary>
    /// The row's answers by field id, or null with every problem in <paramref name="reason"/> (<c>field: reason; …</c>).
    /// The dictionary is the reader's own, valid until the next row: copy what is kept.
    /// </summary>
    public Dictionary<string, string>? Read(string[] record, out string? reason)
    {
        if (record.Length != _width)
        {
            // Usually a comma inside an unquoted value: reading on would put values under the wrong fields.
            reason = $"{record.Length} values where the header has {_width} (quote values that contain a comma)";
            return null;
        }

        var errors = new List<string>(0);
        foreach (var (id, column) in _required)
        {
            if (Cell(record, column).Length == 0)
            {
                errors.Add($"{id} is required");
            }
        }

        _session.Answers.Clear();
        var answers = _session.Answers;
        foreach (var step in _steps)
        {
            var text = Cell(record, step.Column);
            if (text.Length == 0)
            {
                continue;
            }

            var error = step.Question is { } question ? ReadAnswer(question, text, answers) : ReadSystemField(step.Id, text, answers);
            if (error is not null)
            {
                errors.Add($"{step.Id}: {error}");
            }
        }

        if (_lat >= 0)
        {
            ReadLocation(Cell(record, _lat), Cell(record, _lon), answers, errors);
        }

        reason = errors.Count > 0 ? string.Join("; ", errors) : null;
        return errors.Count > 0 ? null : answers;
    }

    private string? ReadAnswer(Question question, string text, Dictionary<string, string> answers)
    {
        var reading = question.Type == QuestionType.Region ? ReadVillage(text) : _reader.Read(question, text, _session, _today);
        if (reading.Value is { } value)
        {
            answers[question.Id] = value;
        }

        return reading.Error?.En;
    }

    // A code is checked as a code (a typo in it is no name to search for); a name is looked up across the country.
    private FieldReading ReadVillage(string text) =>
        RegionCodes.TryNormalize(text, out var code)
            ? _regions.Find(code) is { Level: RegionLevel.Village } village
                ? new FieldReading(village.Code, null)
                : new FieldReading(null, UserText.Same($"'{text}' is not a village code (e.g. 16.01.07.2001)"))
            : _reader.ReadVillage(text, RegionCodes.Country, "kode_desa");

    private string? ReadSystemField(string id, string text, Dictionary<string, string> answers)
    {
        if (id == "waktu_kirim")
        {
            if (!IsoTime.TryParse(text, out var at))
            {
                return $"'{text}' is not an ISO 8601 time with offset (e.g. 2022-09-12T10:15:00+07:00)";
            }

            if (at > _now.AddDays(1))
            {
                return $"{text} is in the future";
            }

            answers[id] = IsoTime.Format(at);
            return null;
        }

        // foto (a file reference), enumerator (who collected it), and any field the questionnaire does not ask.
        var clean = TextNormalizer.Clean(text);
        if (clean.Length > 500)
        {
            return "longer than 500 characters";
        }

        answers[id] = clean;
        return null;
    }

    /// <summary><c>lat</c> and <c>lon</c> cells, both or neither.</summary>
    private static void ReadLocation(string lat, string lon, Dictionary<string, string> answers, List<string> errors)
    {
        if (lat.Length == 0 && lon.Length == 0)
        {
            return;
        }

        if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
        {
            errors.Add("lat/lon: both are needed, as decimal degrees (e.g. -4.1291 and 104.1668)");
            return;
        }

        var point = CoordinateParser.Check(latitude, longitude);
        if (!point.Ok)
        {
            errors.Add($"lat/lon: {point.Error!.En}");
            return;
        }

        answers[QuickEntryDefinition.Latitude] = point.Value!.Latitude.ToString("0.######", CultureInfo.InvariantCulture);
        answers[QuickEntryDefinition.Longitude] = point.Value.Longitude.ToString("0.######", CultureInfo.InvariantCulture);
    }

    // An export guards formula-like text with an apostrophe; read back, it is the original value.
    private static string Cell(string[] record, int column) => column >= 0 && column < record.Length ? CsvFormulaGuard.Unguard(record[column]) : "";

    private sealed record Step(string Id, int Column, Question? Question, int Order);
}
