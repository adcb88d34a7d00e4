using System.Globalization;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Exports;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// Reads one CSV row of UMKM field ids with exactly the chat's rules: each column that is a
/// question of the UMKM questionnaire goes through the same <see cref="AnswerReader"/> (and so the
/// same parsers, limits and options) as a typed answer; the fields the chat gathers differently
/// (village code, coordinates, photo reference, submission time, enumerator) have their own checks here.
/// </summary>
/// <remarks>
/// Required: <c>nik</c>, <c>nama_pemilik</c>, <c>nama_usaha</c>, <c>kode_desa</c> — who owns it,
/// what it is and where it is, the least that makes a record one business in one region. An empty
/// cell is "not given": on a new record it stays empty, on an existing one it keeps its value.
/// <c>sumber</c> and the columns an export adds are accepted but not read: an imported record's source is
/// <c>impor</c>, and the size class and region codes are always derived again. Not thread-safe: one reader per thread.
/// </remarks>
internal sealed class UmkmRowReader
{
    public static readonly IReadOnlyList<string> Required = ["nik", "nama_pemilik", "nama_usaha", "kode_desa"];

    /// <summary>
    /// What <c>records export</c> writes besides the field ids (registration number, size class, the codes
    /// above the village): accepted so an export imports back, and not read — they are the database's own.
    /// </summary>
    private static readonly IReadOnlySet<string> Ignored =
        new HashSet<string>(["sumber", .. ExportColumns.Derived(RecordKind.Umkm)], StringComparer.Ordinal);

    /// <summary>Column names a file may have: the contract's UMKM field ids and what an export adds.</summary>
    public static readonly IReadOnlySet<string> Accepted = new HashSet<string>(FieldIds.Umkm.Concat(Ignored), StringComparer.Ordinal);

    private readonly Step[] _steps;
    private readonly int[] _required;
    private readonly AnswerReader _answers;
    private readonly RegionCatalog _regions;
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly SessionState _session;
    private readonly AnswerCache _cache;
    private readonly NewUmkmRecords _records;
    private readonly int _lat = -1;
    private readonly int _lon = -1;
    private readonly int _width;

    /// <param name="columns">The header's field ids, in file order (already checked with <see cref="CheckHeader"/>).</param>
    public UmkmRowReader(IReadOnlyList<string> columns, Questionnaire questionnaire, RegionCatalog regions, NewUmkmRecords records, DateTimeOffset now,
        AnswerCache? cache = null)
    {
        _records = records;
        _cache = cache ?? new AnswerCache();
        _regions = regions;
        _width = columns.Count;
        _answers = new AnswerReader(regions);
        _now = now;
        _today = DateOnly.FromDateTime(now.UtcDateTime);
        _session = new SessionState { QuestionnaireId = questionnaire.Id, QuestionnaireVersion = questionnaire.Version };
        var steps = new List<Step>();
        for (var i = 0; i < columns.Count; i++)
        {
            var id = columns[i];
            switch (id)
            {
                case "lat":
                    _lat = i;
                    continue;
                case "lon":
                    _lon = i;
                    continue;
            }

            if (!Ignored.Contains(id))
            {
                var question = questionnaire.Find(id);
                var asked = question is { Store: true, Type: not (QuestionType.Region or QuestionType.Location or QuestionType.Photo) };
                steps.Add(new Step(id, i, asked ? question : null,
                    question is null ? int.MaxValue : questionnaire.IndexOf(id)));
            }
        }

        // Questionnaire order, so a limit taken from an earlier answer (paid workers ≤ workers) applies.
        _steps = [.. steps.OrderBy(s => s.Order).ThenBy(s => s.Column)];
        _required = [.. Required.Select(r => columns.ToList().IndexOf(r))];
    }

    /// <summary>File-level check of the header: unknown, repeated or missing required columns stop the import.</summary>
    /// <exception cref="ImportException">With every problem named.</exception>
    public static IReadOnlyList<string> CheckHeader(IReadOnlyList<string> header) =>
        ImportHeader.Check(header, Accepted, Required, "UMKM", FieldIds.Umkm, unknown =>
            unknown.Any(u => FieldIds.Koperasi.Contains(u) && !FieldIds.Umkm.Contains(u))
                ? " (a cooperative file has nama_koperasi and no UMKM columns)"
                : "");

    /// <summary>A valid row, or null with every problem in <paramref name="reason"/>.</summary>
    public UmkmImportRow? Read(string[] record, int line, out string? reason)
    {
        if (record.Length != _width)
        {
            // Usually a comma inside an unquoted value: reading on would put values under the wrong fields.
            reason = $"{record.Length} values where the header has {_width} (quote values that contain a comma)";
            return null;
        }

        var errors = new List<string>(0);
        for (var i = 0; i < _required.Length; i++)
        {
            if (Cell(record, _required[i]).Length == 0)
            {
                errors.Add($"{Required[i]} is required");
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

        if (errors.Count > 0)
        {
            reason = string.Join("; ", errors);
            return null;
        }

        reason = null;
        return _records.Create(line, answers);
    }

    private string? ReadAnswer(Question question, string text, Dictionary<string, string> answers)
    {
        if (FastChoice(question, text) is { } canonical)
        {
            answers[question.Id] = canonical;
            return null;
        }

        if (!AnswerCache.Worth(question))
        {
            return Store(question, Read(question, text), answers);
        }

        var key = AnswerCache.Key(question, text, answers);
        if (!_cache.TryGet(question, key, out var reading))
        {
            reading = Read(question, text);
            _cache.Add(question, key, reading);
        }

        return Store(question, reading, answers);
    }

    private AnswerCache.Reading Read(Question question, string text) =>
        _answers.Read(question, new TextInput(text), _session, _today) switch
        {
            AnswerReading.Accepted accepted => new(accepted.Value, null),
            // The chat asks "did you mean …?"; a file has no one to ask, and its figures are deliberate.
            AnswerReading.Unsure unsure => new(unsure.Value, null),
            AnswerReading.Rejected rejected => new(null, rejected.Reason.En),
            _ => new(null, "not a valid answer"),
        };

    private static string? Store(Question question, AnswerCache.Reading reading, Dictionary<string, string> answers)
    {
        if (reading.Value is { } value)
        {
            answers[question.Id] = value;
        }

        return reading.Error;
    }

    // A cell already holding an option's value (what an export writes) is that option: the same
    // result the reader gives, without folding every label of every option for every row.
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

    private string? ReadSystemField(string id, string text, Dictionary<string, string> answers)
    {
        switch (id)
        {
            case "kode_desa":
                if (RegionCodes.TryNormalize(text, out var code) && _regions.Find(code) is { Level: RegionLevel.Village } village)
                {
                    answers[id] = village.Code;
                    return null;
                }

                return $"'{text}' is not a village code (e.g. 16.01.07.2001)";
            case "waktu_kirim":
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
            default:
                // foto (a file reference), enumerator (who collected it), and any field the questionnaire does not ask.
                var clean = TextNormalizer.Clean(text);
                if (clean.Length > 500)
                {
                    return "longer than 500 characters";
                }

                answers[id] = clean;
                return null;
        }
    }

    /// <summary><c>lat</c> and <c>lon</c> cells, both or neither (shared with <see cref="KoperasiImporter"/>).</summary>
    internal static void ReadLocation(string lat, string lon, Dictionary<string, string> answers, List<string> errors)
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

        answers["lat"] = point.Value!.Latitude.ToString("0.######", CultureInfo.InvariantCulture);
        answers["lon"] = point.Value.Longitude.ToString("0.######", CultureInfo.InvariantCulture);
    }

    // An export guards formula-like text with an apostrophe; read back, it is the original value.
    internal static string Cell(string[] record, int column) => column >= 0 && column < record.Length ? CsvFormulaGuard.Unguard(record[column]) : "";

    private sealed record Step(string Id, int Column, Question? Question, int Order);
}
