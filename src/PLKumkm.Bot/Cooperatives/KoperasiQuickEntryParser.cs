using System.Globalization;
using System.Text.RegularExpressions;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Staff.QuickEntry;

namespace PLKumkm.Bot.Cooperatives;

/// <summary>A read <c>#koperasi</c> entry: canonical answers by field id, or the errors (one per field, nothing saved).</summary>
internal sealed record KoperasiQuickEntryResult(bool Blank, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<QuickEntryError> Errors)
{
    public bool Ok => !Blank && Errors.Count == 0;
}

/// <summary>
/// Reads a <c>#koperasi</c> quick entry with the koperasi questionnaire's own questions and validators, the lines split
/// as for <c>#umkm</c> (<see cref="QuickEntryMessage"/>) and the village found inside the enumerator's region
/// (<see cref="VillageFinder"/>). Required: the name and the village (with the legal entity number when known, enough to
/// find the cooperative again in the single database). Pure.
/// </summary>
internal sealed partial class KoperasiQuickEntryParser(Questionnaire koperasi, Regions.RegionCatalog regions)
{
    public const string Tag = "#koperasi";

    public static readonly IReadOnlyList<string> Required = ["nama_koperasi", "kode_desa"];

    private readonly AnswerReader _reader = new(regions);
    private readonly VillageFinder _villages = new(regions);

    /// <summary>The message after its <c>#koperasi</c> tag; null when it is not a koperasi quick entry.</summary>
    public static QuickEntryMessage? Read(string? text)
    {
        var tag = text is null ? Match.Empty : TagPattern().Match(text);
        return tag.Success ? QuickEntryMessage.FromBody(text![tag.Length..], firstLineNumber: 1) : null;
    }

    public KoperasiQuickEntryResult Parse(QuickEntryMessage message, string scope, DateOnly today)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (message.IsBlank)
        {
            return new KoperasiQuickEntryResult(true, answers, []);
        }

        var errors = message.Stray.Select(s => new QuickEntryError(null, s.Number, new UserText(
            $"Baris {N(s.Number)} tidak berbentuk \"Kunci: isi\" (mis. Nama: KSP Maju Bersama).",
            $"Line {N(s.Number)} is not \"Key: value\" (e.g. Nama: KSP Maju Bersama)."))).ToList();
        var given = new Dictionary<string, QuickEntryLine>(StringComparer.Ordinal);
        foreach (var line in message.Lines.Where(l => l.Value.Length > 0))
        {
            var field = KoperasiQuickEntryKeys.Find(line.Key);
            if (field is null)
            {
                var suggestion = KoperasiQuickEntryKeys.Suggest(line.Key);
                errors.Add(new QuickEntryError(null, line.Number, suggestion is null
                    ? new UserText($"Baris {N(line.Number)}: kunci \"{line.Key}\" tidak dikenal. Kunci yang bisa dipakai: {string.Join(", ", KoperasiQuickEntryKeys.Labels)}.",
                        $"Line {N(line.Number)}: the key \"{line.Key}\" is not known. Keys you can use: {string.Join(", ", KoperasiQuickEntryKeys.Labels)}.")
                    : new UserText($"Baris {N(line.Number)}: kunci \"{line.Key}\" tidak dikenal. Maksud Anda \"{suggestion}\"?",
                        $"Line {N(line.Number)}: the key \"{line.Key}\" is not known. Did you mean \"{suggestion}\"?")));
            }
            else if (!given.TryAdd(field, line))
            {
                errors.Add(new QuickEntryError(field, line.Number, Labelled(field, line.Number, new UserText(
                    "ditulis dua kali; tulis sekali saja.", "is written twice; write it once."))));
            }
        }

        var values = given.ToDictionary(g => g.Key, g => g.Value.Value, StringComparer.Ordinal);
        foreach (var (field, error) in ReadFields(values, scope, today, answers, trustAmounts: false))
        {
            var number = given[field].Number;
            errors.Add(new QuickEntryError(field, number, Labelled(field, number, error)));
        }

        foreach (var field in Required.Where(f => !given.ContainsKey(f)))
        {
            errors.Add(new QuickEntryError(field, null, Labelled(field, null, new UserText("wajib diisi.", "is required."))));
        }

        var ordered = errors.OrderBy(e => e.Line ?? int.MaxValue).ToList();
        return new KoperasiQuickEntryResult(false, ordered.Count == 0 ? answers : new Dictionary<string, string>(), ordered);
    }

    /// <summary>
    /// Reads raw values by field id (the questions of the koperasi questionnaire; other ids are not read) into
    /// <paramref name="answers"/>, in questionnaire order so an answer that depends on another reads as in the guided
    /// chat. Returns each field's problem, unlabelled. <paramref name="trustAmounts"/>: an amount the chat would ask to
    /// confirm is taken as written (a file has no one to ask; its figures are deliberate).
    /// </summary>
    public IReadOnlyList<(string FieldId, UserText Error)> ReadFields(
        IReadOnlyDictionary<string, string> values, string scope, DateOnly today, Dictionary<string, string> answers, bool trustAmounts)
    {
        var errors = new List<(string, UserText)>();
        var state = new SessionState { QuestionnaireId = koperasi.Id, QuestionnaireVersion = koperasi.Version };
        foreach (var question in koperasi.Questions.Where(q => q.Store && values.ContainsKey(q.Id)))
        {
            var value = values[question.Id];
            var error = question.Type == QuestionType.Region
                ? ReadVillage(value, scope, answers)
                : ReadAnswer(question, value, state, today, answers, trustAmounts);
            if (error is not null)
            {
                errors.Add((question.Id, error));
            }
        }

        return errors;
    }

    private UserText? ReadAnswer(Question question, string value, SessionState state, DateOnly today, Dictionary<string, string> answers,
        bool trustAmounts)
    {
        switch (_reader.Read(question, new TextInput(value), state, today))
        {
            case AnswerReading.Accepted accepted:
                answers[question.Id] = accepted.Value;
                state.Answers[question.Id] = accepted.Value;
                return null;
            case AnswerReading.Rejected rejected:
                return rejected.Reason;
            case AnswerReading.Unsure unsure when trustAmounts:
                answers[question.Id] = unsure.Value;
                state.Answers[question.Id] = unsure.Value;
                return null;
            case AnswerReading.Unsure unsure:
                return new UserText(
                    $"terbaca {unsure.Display} — tulis jumlahnya lebih jelas (mis. 850jt, 1,2 miliar).",
                    $"read as {unsure.Display} — please write the amount more clearly (e.g. 850jt, 1,2 miliar).");
            default:
                return new UserText("isinya belum bisa dibaca.", "could not be read.");
        }
    }

    private UserText? ReadVillage(string value, string scope, Dictionary<string, string> answers)
    {
        switch (_villages.Find(value, scope))
        {
            case VillageLookup.Found found:
                answers["kode_desa"] = found.Village.Code;
                return null;
            case VillageLookup.Ambiguous ambiguous:
                var names = string.Join("; ", ambiguous.Candidates.Select(_villages.Describe));
                return new UserText(
                    $"\"{value}\" cocok dengan beberapa desa: {names}. Tulis dengan kecamatannya, atau kode desanya.",
                    $"\"{value}\" matches several villages: {names}. Add the district, or write the village code.");
            case VillageLookup.NotFound notFound:
                return notFound.Reason;
            default:
                return new UserText("isinya belum bisa dibaca.", "could not be read.");
        }
    }

    private static UserText Labelled(string fieldId, int? line, UserText reason)
    {
        var label = KoperasiQuickEntryKeys.LabelOf(fieldId);
        return line is { } n
            ? new UserText($"{label} (baris {N(n)}): ", $"{label} (line {N(n)}): ").Append(reason, "")
            : new UserText($"{label}: ", $"{label}: ").Append(reason, "");
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[\s\u200B\uFEFF]*#koperasi(?![\p{L}\p{N}_])[ \t]*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
