using System.Text;
using System.Text.RegularExpressions;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PLKumkm.Bot.Conversations.Definition;

/// <summary>Reads questionnaire YAML and refuses anything that could not run, naming file, question and reason.</summary>
internal static partial class QuestionnaireLoader
{
    // Telegram callback data is at most 64 bytes; option values travel as "questionId=value".
    private const int MaxCallbackBytes = 64;

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly HashSet<string> PeriodValues = new(StringComparer.Ordinal) { "hari", "bulan", "tahun" };

    public static IReadOnlyList<Questionnaire> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new QuestionnaireDefinitionException(directory, null, "the conversations folder does not exist");
        }

        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new QuestionnaireDefinitionException(directory, null, "no questionnaire (*.yaml) found");
        }

        var loaded = files.Select(f => Load(File.ReadAllText(f, Encoding.UTF8), Path.GetFileName(f))).ToList();
        var duplicate = loaded.GroupBy(q => q.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new QuestionnaireDefinitionException(duplicate.Last().SourceFile, null,
                $"questionnaire id '{duplicate.Key}' is used by more than one file");
        }

        return loaded;
    }

    public static Questionnaire Load(string yaml, string fileName)
    {
        QuestionnaireDto? dto;
        try
        {
            dto = Yaml.Deserialize<QuestionnaireDto>(yaml);
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new QuestionnaireDefinitionException(fileName, null, $"line {e.Start.Line}: {reason}");
        }

        if (dto is null)
        {
            throw new QuestionnaireDefinitionException(fileName, null, "the file is empty");
        }

        return Build(dto, fileName);
    }

    private static Questionnaire Build(QuestionnaireDto dto, string file)
    {
        void Fail(string reason) => throw new QuestionnaireDefinitionException(file, null, reason);

        if (string.IsNullOrWhiteSpace(dto.Id) || !IdShape().IsMatch(dto.Id))
        {
            Fail("'id' is required: lower-case letters, digits and '_'");
        }

        if (dto.Version < 1)
        {
            Fail("'version' is required and must be 1 or more");
        }

        RecordKind kind = default;
        if (dto.Kind is null || !Enum.TryParse(dto.Kind, ignoreCase: true, out kind))
        {
            Fail("'kind' must be 'umkm' or 'koperasi'");
        }

        var title = Text(dto.Title, file, null, "title", required: true)!;
        if (dto.Consent is null || string.IsNullOrWhiteSpace(dto.Consent.NoticeVersion))
        {
            Fail("'consent' needs 'notice_version' and 'text'");
        }

        var consent = new ConsentNotice(dto.Consent!.NoticeVersion!.Trim(),
            Text(dto.Consent.Text, file, null, "consent text", required: true)!);
        var done = Text(dto.Done, file, null, "done", required: false)
                   ?? new UserText("Terima kasih! Data Anda sudah tersimpan.", "Thank you! Your data has been saved.");

        if (dto.Questions is null || dto.Questions.Count == 0)
        {
            Fail("'questions' must list at least one question");
        }

        var fields = kind == RecordKind.Umkm ? FieldIds.Umkm : FieldIds.Koperasi;
        var questions = new List<Question>();
        foreach (var q in dto.Questions!)
        {
            questions.Add(BuildQuestion(q, questions, fields, file));
        }

        if (!questions.Any(q => q.Id == "kode_desa" && q.Store))
        {
            Fail("a questionnaire must ask 'kode_desa' (the registration number needs the regency)");
        }

        var quickEntry = QuickEntryDefinition.Build(dto.QuickEntry, questions, kind, file, (raw, what) => Text(raw, file, null, what, required: false));
        return new Questionnaire(dto.Id!, dto.Version, kind, title, consent, done, questions, file) { QuickEntry = quickEntry };
    }

    private static Question BuildQuestion(QuestionDto q, List<Question> earlier, IReadOnlyList<string> fields, string file)
    {
        var id = q.Id?.Trim();
        if (string.IsNullOrEmpty(id) || !IdShape().IsMatch(id))
        {
            throw new QuestionnaireDefinitionException(file, id ?? $"#{earlier.Count + 1}",
                "'id' is required: lower-case letters, digits and '_'");
        }

        void Fail(string reason) => throw new QuestionnaireDefinitionException(file, id, reason);

        if (earlier.Any(e => e.Id == id))
        {
            Fail("the id is used twice");
        }

        if (q.Type is null || !Enum.TryParse<QuestionType>(q.Type.Replace("_", "", StringComparison.Ordinal), true, out var type))
        {
            Fail($"unknown type '{q.Type}'; use one of: {string.Join(", ", Enum.GetNames<QuestionType>().Select(n => n.ToLowerInvariant()))}");
            return null!;
        }

        var store = q.Store ?? true;
        if (store)
        {
            if (type == QuestionType.Location)
            {
                if (id != FieldIds.Location)
                {
                    Fail($"a stored location question must have id '{FieldIds.Location}' (it fills 'lat' and 'lon')");
                }
            }
            else if (!fields.Contains(id))
            {
                Fail("not a field id of the contract; add 'store: false' for a helper question");
            }
            else if (FieldIds.SystemFilled.Contains(id))
            {
                Fail("this field is filled by the system and cannot be asked");
            }
        }

        var label = Text(q.Label, file, id, "label", required: true)!;
        var prompt = Text(q.Prompt, file, id, "prompt", required: true)!;
        var help = Text(q.Help, file, id, "help", required: false);
        var options = BuildOptions(q, type, id, file);

        Condition? when = null;
        if (!string.IsNullOrWhiteSpace(q.When))
        {
            try
            {
                when = Condition.Parse(q.When);
            }
            catch (FormatException e)
            {
                Fail(e.Message);
            }

            foreach (var clause in when!.Clauses)
            {
                var source = earlier.FirstOrDefault(e => e.Id == clause.Field);
                if (source is null)
                {
                    Fail($"condition refers to '{clause.Field}', which is not an earlier question");
                }

                if (source!.IsChoice)
                {
                    var unknown = clause.Values.FirstOrDefault(v => source.FindOption(v) is null);
                    if (unknown is not null)
                    {
                        Fail($"condition value '{unknown}' is not an option of '{source.Id}'");
                    }
                }
            }
        }

        if (q.Min is not null && q.Max is not null && q.Min > q.Max)
        {
            Fail("'min' is larger than 'max'");
        }

        if ((q.Min is not null || q.Max is not null) && type is not (QuestionType.Integer or QuestionType.Year or QuestionType.Money))
        {
            Fail("'min'/'max' only apply to integer, year and money questions");
        }

        if (q.AnnualizeBy is not null)
        {
            if (type != QuestionType.Money)
            {
                Fail("'annualize_by' only applies to money questions");
            }

            var period = earlier.FirstOrDefault(e => e.Id == q.AnnualizeBy);
            if (period is null || period.Type != QuestionType.Choice || period.Options.Any(o => !PeriodValues.Contains(o.Value)))
            {
                Fail($"'annualize_by' must name an earlier choice question with options among: {string.Join(", ", PeriodValues)}");
            }
        }

        if (q.MaxFrom is not null
            && (type != QuestionType.Integer || earlier.FirstOrDefault(e => e.Id == q.MaxFrom) is not { Type: QuestionType.Integer }))
        {
            Fail("'max_from' must name an earlier integer question and apply to an integer question");
        }

        if (q.MaxLength is < 1)
        {
            Fail("'max_length' must be 1 or more");
        }

        if (q.ProperName && type != QuestionType.Text)
        {
            throw new QuestionnaireDefinitionException(file, id, "'proper_name' only applies to text questions");
        }

        return new Question(id, type, label, prompt, help, q.Optional, when, options, store,
            q.Min, q.Max, q.MaxLength, q.AnnualizeBy, q.MaxFrom, q.AllowNegative) { ProperName = q.ProperName };
    }

    private static List<ChoiceOption> BuildOptions(QuestionDto q, QuestionType type, string id, string file)
    {
        void Fail(string reason) => throw new QuestionnaireDefinitionException(file, id, reason);

        if (type == QuestionType.YesNo)
        {
            if (q.Options is { Count: > 0 })
            {
                Fail("a yesno question has its own options (ya/tidak); remove 'options'");
            }

            return
            [
                // Every yes/no question shares these everyday forms (chat spellings included); "masih" is
                // "still" (a member, running): yes.
                new ChoiceOption("ya", new UserText("Ya", "Yes"),
                    ["y", "iya", "iyah", "iye", "yoi", "yup", "yes", "yeah", "yep", "ok", "oke", "okay", "betul", "benar", "bener", "sudah", "sdh",
                     "udah", "udh", "dah", "sudah ada", "sudah punya", "punya", "ada", "masih", "masih aktif", "tentu", "pasti", "boleh", "sure"]),
                new ChoiceOption("tidak", new UserText("Tidak", "No"),
                    ["t", "tdk", "tak", "no", "nope", "nggak", "ngga", "gak", "enggak", "engga", "ga", "gk", "ndak", "nda", "bukan", "belum", "blm",
                     "blum", "blom", "belom", "not yet", "masih belum", "tidak ada", "tidak punya", "gak ada", "ga ada", "nggak ada", "ngga ada", "nggak punya", "gak punya"]),
            ];
        }

        var needsOptions = type is QuestionType.Choice or QuestionType.MultiChoice;
        if (q.Options is null || q.Options.Count == 0)
        {
            if (needsOptions)
            {
                Fail("a choice question needs at least two 'options'");
            }

            return [];
        }

        if (!needsOptions && type != QuestionType.Kbli)
        {
            Fail("'options' only apply to choice, multichoice and kbli questions");
        }

        if (needsOptions && q.Options.Count < 2)
        {
            Fail("a choice question needs at least two 'options'");
        }

        var result = new List<ChoiceOption>();
        foreach (var o in q.Options)
        {
            var value = o.Value?.Trim();
            if (string.IsNullOrEmpty(value) || value.Contains(',', StringComparison.Ordinal))
            {
                Fail("every option needs a 'value' without commas");
            }

            if (result.Any(r => string.Equals(r.Value, value, StringComparison.OrdinalIgnoreCase)))
            {
                Fail($"option value '{value}' is used twice");
            }

            if (Encoding.UTF8.GetByteCount($"{id}={value}") > MaxCallbackBytes)
            {
                Fail($"option value '{value}' is too long for a button (question id + value must fit in {MaxCallbackBytes} bytes)");
            }

            var label = Text(o.Label, file, id, $"label of option '{value}'", required: true)!;
            result.Add(new ChoiceOption(value!, label, o.Synonyms ?? []));
        }

        return result;
    }

    private static UserText? Text(object? raw, string file, string? questionId, string what, bool required)
    {
        switch (raw)
        {
            case null when !required:
                return null;
            case string s when !string.IsNullOrWhiteSpace(s):
                return new UserText(s.Trim(), s.Trim());
            case Dictionary<object, object> map:
                string? Get(string key) => map.TryGetValue(key, out var v) ? (v as string)?.Trim() : null;
                var unknown = map.Keys.Select(k => k.ToString()).FirstOrDefault(k => k is not ("id" or "en"));
                if (unknown is not null)
                {
                    throw new QuestionnaireDefinitionException(file, questionId, $"{what}: unknown language '{unknown}' (use 'id' and 'en')");
                }

                var id = Get("id");
                if (string.IsNullOrWhiteSpace(id))
                {
                    throw new QuestionnaireDefinitionException(file, questionId, $"{what} needs Indonesian text under 'id'");
                }

                var en = Get("en");
                return new UserText(id, string.IsNullOrWhiteSpace(en) ? id : en);
            default:
                throw new QuestionnaireDefinitionException(file, questionId, $"'{what}' is required (text, or 'id:' and 'en:')");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdShape();
}
