using System.Globalization;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
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
/// Reads a <c>#umkm</c> quick entry with the questionnaire's own questions and validators (the UMKM
/// questionnaire's limits, options and synonyms apply as in the guided chat), and the village inside
/// the enumerator's region. Pure: no storage, no clock.
/// </summary>
/// <remarks>
/// Required: <c>nik</c>, <c>nama_pemilik</c>, <c>nama_usaha</c>, <c>kode_desa</c> (who, what, where:
/// enough to identify the business once in the single database) and <c>kbli</c> (sector A is out of
/// scope, so it is decided at entry). Everything else is optional; a repeat of the same business
/// fills or corrects fields without erasing the ones it leaves out.
/// </remarks>
internal sealed class QuickEntryParser
{
    public static readonly IReadOnlyList<string> Required = ["nik", "nama_pemilik", "nama_usaha", "kode_desa", "kbli"];

    private const string VillageField = "kode_desa";

    private static readonly Dictionary<string, string> PeriodWords = new(StringComparer.Ordinal)
    {
        ["hari"] = "/hari", ["per hari"] = "/hari", ["harian"] = "/hari", ["sehari"] = "/hari", ["hr"] = "/hari",
        ["bulan"] = "/bulan", ["per bulan"] = "/bulan", ["bulanan"] = "/bulan", ["sebulan"] = "/bulan", ["bln"] = "/bulan", ["per bln"] = "/bulan",
        ["tahun"] = "/tahun", ["per tahun"] = "/tahun", ["tahunan"] = "/tahun", ["setahun"] = "/tahun", ["thn"] = "/tahun",
    };

    private readonly Questionnaire _questionnaire;
    private readonly AnswerReader _reader;
    private readonly VillageFinder _villages;

    public QuickEntryParser(Questionnaire umkm, RegionCatalog regions)
    {
        _questionnaire = umkm;
        _reader = new AnswerReader(regions);
        _villages = new VillageFinder(regions);
    }

    /// <summary>Reads <paramref name="text"/> (starting with <c>#umkm</c>) for someone working in <paramref name="scope"/>.</summary>
    public QuickEntryResult Parse(string text, string scope, DateOnly today) =>
        Parse(QuickEntryMessage.Read(text) ?? QuickEntryMessage.FromBody(text), scope, today);

    public QuickEntryResult Parse(QuickEntryMessage message, string scope, DateOnly today)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (message.IsBlank)
        {
            return new QuickEntryResult(true, answers, [], []);
        }

        var errors = new List<QuickEntryError>();
        var notes = new List<UserText>();
        var given = CollectFields(message, errors);
        CombineCoordinates(given, errors);

        var state = new SessionState { QuestionnaireId = _questionnaire.Id, QuestionnaireVersion = _questionnaire.Version };
        foreach (var (fieldId, field) in InQuestionnaireOrder(given))
        {
            var error = fieldId == VillageField
                ? ReadVillage(field, scope, answers)
                : ReadAnswer(fieldId, field, state, today, answers, notes);
            if (error is not null)
            {
                errors.Add(new QuickEntryError(fieldId, field.Line, Labelled(fieldId, field.Line, error)));
            }
        }

        foreach (var fieldId in Required.Where(f => !given.ContainsKey(f) && !errors.Any(e => e.FieldId == f)))
        {
            var required = new UserText("wajib diisi.", "is required.");
            var hint = KbliFromActivity(fieldId, given);
            errors.Add(new QuickEntryError(fieldId, null, Labelled(fieldId, null, hint.Id.Length == 0 ? required : required.Append(hint))));
        }

        var ordered = errors.OrderBy(e => e.Line ?? int.MaxValue).ToList();
        return new QuickEntryResult(false, ordered.Count == 0 ? answers : new Dictionary<string, string>(), ordered, notes);
    }

    /// <summary>A missing KBLI with the activity written: the codes that fit it, to copy (the chat offers them as choices).</summary>
    private static UserText KbliFromActivity(string fieldId, Dictionary<string, GivenField> given)
    {
        if (fieldId != "kbli" || !given.TryGetValue("kegiatan", out var activity)
            || KbliParser.Suggest(activity.Value) is not { Count: > 0 } hits || !KbliSections.InScope(hits[0].Entry.Section))
        {
            return new UserText("", "");
        }

        var codes = string.Join("; ", hits.Select(h => $"{h.Entry.Code} {h.Entry.Title}"));
        return new UserText($"Untuk kegiatan itu yang paling cocok: {codes}.", $"For that activity the closest: {codes}.");
    }

    /// <summary>A typed field: its value, the line it came from, and a period implied by the key ("Omzet per bulan").</summary>
    private sealed record GivenField(string Value, int Line, string? Period);

    private static Dictionary<string, GivenField> CollectFields(QuickEntryMessage message, List<QuickEntryError> errors)
    {
        foreach (var stray in message.Stray)
        {
            errors.Add(new QuickEntryError(null, stray.Number, new UserText(
                $"Baris {N(stray.Number)} tidak berbentuk \"Kunci: isi\" (mis. Nama: Siti Aminah).",
                $"Line {N(stray.Number)} is not \"Key: value\" (e.g. Nama: Siti Aminah).")));
        }

        var given = new Dictionary<string, GivenField>(StringComparer.Ordinal);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in message.Lines)
        {
            var (key, period, suggestion) = ResolveKey(line.Key);
            if (key is null)
            {
                errors.Add(new QuickEntryError(null, line.Number, UnknownKey(line, suggestion)));
                continue;
            }

            if (QuickEntryKeys.NotTypeable.Contains(key.FieldId))
            {
                errors.Add(new QuickEntryError(key.FieldId, line.Number, Labelled(key.FieldId, line.Number, key.FieldId == "foto"
                    ? new UserText("foto belum bisa dikirim lewat entri cepat; gunakan /start untuk kuesioner lengkap.",
                        "photos cannot be sent in a quick entry; use /start for the full questionnaire.")
                    : new UserText("diisi otomatis oleh sistem, tidak perlu ditulis.", "is filled in by the system; leave it out."))));
                continue;
            }

            if (line.Value.Length == 0 || duplicates.Contains(key.FieldId))
            {
                continue;
            }

            if (given.Remove(key.FieldId, out var first))
            {
                duplicates.Add(key.FieldId);
                errors.Add(new QuickEntryError(key.FieldId, first.Line, Labelled(key.FieldId, null, new UserText(
                    $"ditulis dua kali (baris {N(first.Line)} dan {N(line.Number)}); tulis sekali saja.",
                    $"is written twice (lines {N(first.Line)} and {N(line.Number)}); write it once."))));
                continue;
            }

            given[key.FieldId] = new GivenField(line.Value, line.Number, period);
        }

        return given;
    }

    /// <summary>A known key, or a known key followed by a period ("Omzet per bulan"), or a suggestion for a typo.</summary>
    private static (QuickEntryKey? Key, string? Period, string? Suggestion) ResolveKey(string rawKey)
    {
        if (QuickEntryKeys.Find(rawKey) is { } key)
        {
            return (key, null, null);
        }

        var words = QuickEntryKeys.Fold(rawKey).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = words.Length - 1; n >= 1; n--)
        {
            if (QuickEntryKeys.Find(string.Join(' ', words[..n])) is not { } prefix)
            {
                continue;
            }

            return PeriodWords.TryGetValue(string.Join(' ', words[n..]), out var period) && prefix.FieldId == "omzet_tahunan"
                ? (prefix, period, null)
                : (null, null, prefix.Label);
        }

        return (null, null, QuickEntryKeys.Suggest(rawKey));
    }

    private static UserText UnknownKey(QuickEntryLine line, string? suggestion)
    {
        var shown = line.Key.Length > 30 ? line.Key[..30] + "…" : line.Key;
        var head = new UserText(
            $"Baris {N(line.Number)}: kunci \"{shown}\" tidak dikenal.",
            $"Line {N(line.Number)}: the key \"{shown}\" is not known.");
        return suggestion is null
            ? head.Append(new UserText(
                $"Kunci yang bisa dipakai: {string.Join(", ", QuickEntryKeys.Labels)}.",
                $"Keys you can use: {string.Join(", ", QuickEntryKeys.Labels)}."))
            : head.Append(new UserText($"Maksud Anda \"{suggestion}\"?", $"Did you mean \"{suggestion}\"?"));
    }

    /// <summary><c>Lat:</c> and <c>Lon:</c> on their own lines become one location, as the questionnaire keeps it.</summary>
    private static void CombineCoordinates(Dictionary<string, GivenField> given, List<QuickEntryError> errors)
    {
        var hasLat = given.Remove(QuickEntryKeys.Latitude, out var lat);
        var hasLon = given.Remove(QuickEntryKeys.Longitude, out var lon);
        if (!hasLat && !hasLon)
        {
            return;
        }

        var line = Math.Min(lat?.Line ?? int.MaxValue, lon?.Line ?? int.MaxValue);
        if (given.ContainsKey(FieldIds.Location))
        {
            errors.Add(new QuickEntryError(FieldIds.Location, line, Labelled(FieldIds.Location, line, new UserText(
                "tulis Lokasi saja, atau Lat dan Lon, jangan keduanya.", "write either Lokasi, or Lat and Lon, not both."))));
            given.Remove(FieldIds.Location);
            return;
        }

        if (!hasLat || !hasLon)
        {
            errors.Add(new QuickEntryError(FieldIds.Location, line, Labelled(FieldIds.Location, line, new UserText(
                "Lat dan Lon harus diisi keduanya (atau satu baris, mis. Lokasi: -4.1291, 104.1668).",
                "both Lat and Lon are needed (or one line, e.g. Lokasi: -4.1291, 104.1668)."))));
            return;
        }

        given[FieldIds.Location] = new GivenField($"{lat!.Value}, {lon!.Value}", line, null);
    }

    /// <summary>
    /// Questionnaire order, whatever order the lines came in: a limit that depends on another answer
    /// (paid workers ≤ workers) then reads like in the guided chat.
    /// </summary>
    private IEnumerable<(string FieldId, GivenField Field)> InQuestionnaireOrder(Dictionary<string, GivenField> given)
    {
        var order = _questionnaire.Questions.Select((q, i) => (q.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return given.OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Value.Line).Select(g => (g.Key, g.Value));
    }

    private UserText? ReadAnswer(string fieldId, GivenField field, SessionState state, DateOnly today,
        Dictionary<string, string> answers, List<UserText> notes)
    {
        var question = _questionnaire.Find(fieldId);
        if (question is null || !question.Store)
        {
            return new UserText("tidak ditanyakan dalam pendataan ini.", "is not asked in this census.");
        }

        var value = field.Value;
        if (field.Period is not null && MoneyParser.Parse(value).Value is { Period: null })
        {
            value += " " + field.Period;
        }

        switch (_reader.Read(question, new TextInput(value), state, today))
        {
            case AnswerReading.Accepted accepted:
                answers[fieldId] = accepted.Value;
                state.Answers[fieldId] = accepted.Value;
                if (accepted.Note is { } note && question.Type != QuestionType.Money)
                {
                    notes.Add(note);
                }

                return null;
            case AnswerReading.Rejected rejected:
                return rejected.Reason;
            case AnswerReading.Unsure unsure:
                return new UserText(
                    $"terbaca {unsure.Display} — jumlah seperti ini perlu ditulis lebih jelas (mis. 50rb, 2,5jt, 1,2 miliar; per hari/bulan/tahun).",
                    $"read as {unsure.Display} — please write such an amount more clearly (e.g. 50rb, 2,5jt, 1,2 miliar; per day/month/year).");
            default:
                return new UserText("isinya belum bisa dibaca.", "could not be read.");
        }
    }

    private UserText? ReadVillage(GivenField field, string scope, Dictionary<string, string> answers)
    {
        switch (_villages.Find(field.Value, scope))
        {
            case VillageLookup.Found found:
                answers[VillageField] = found.Village.Code;
                return null;
            case VillageLookup.Ambiguous ambiguous:
                var names = string.Join("; ", ambiguous.Candidates.Select(_villages.Describe));
                var example = ambiguous.Candidates[0];
                var district = _villages.Describe(example);
                return new UserText(
                    $"\"{field.Value}\" cocok dengan beberapa desa: {names}. Tulis dengan kecamatannya, mis. Desa: {Hint(example, district)}, atau kode desanya.",
                    $"\"{field.Value}\" matches several villages: {names}. Add the district, e.g. Desa: {Hint(example, district)}, or write the village code.");
            case VillageLookup.NotFound notFound:
                return notFound.Reason;
            default:
                return new UserText("isinya belum bisa dibaca.", "could not be read.");
        }
    }

    // "Sukajadi (Kecamatan Baturaja Timur)" → "Sukajadi, Baturaja Timur".
    private static string Hint(Region village, string described)
    {
        var open = described.IndexOf(" (Kecamatan ", StringComparison.Ordinal);
        return open < 0 ? village.Name : $"{village.Name}, {described[(open + " (Kecamatan ".Length)..^1]}";
    }

    private static UserText Labelled(string fieldId, int? line, UserText reason)
    {
        var label = QuickEntryKeys.LabelOf(fieldId);
        return line is { } n
            ? new UserText($"{label} (baris {N(n)}): ", $"{label} (line {N(n)}): ").Append(reason, "")
            : new UserText($"{label}: ", $"{label}: ").Append(reason, "");
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
