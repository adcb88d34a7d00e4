using System.Text;
using System.Text.RegularExpressions;
using PLKumkm.Bot.Conversations.Types;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PLKumkm.Bot.Conversations.Definition;

/// <summary>Reads questionnaire YAML and refuses anything that could not run, naming file, question and reason.</summary>
internal static partial class QuestionnaireLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static IReadOnlyList<Questionnaire> LoadDirectory(string directory, QuestionTypeRegistry? types = null)
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

        var loaded = files.Select(f => Load(File.ReadAllText(f, Encoding.UTF8), Path.GetFileName(f), types)).ToList();
        var duplicate = loaded.GroupBy(q => q.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new QuestionnaireDefinitionException(duplicate.Last().SourceFile, null,
                $"questionnaire id '{duplicate.Key}' is used by more than one file");
        }

        return loaded;
    }

    /// <summary>Reads one questionnaire; <paramref name="types"/> are the question types it may use (the built-in ones unless given).</summary>
    public static Questionnaire Load(string yaml, string fileName, QuestionTypeRegistry? types = null)
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

        return Build(dto, fileName, types ?? QuestionTypeRegistry.Default);
    }

    private static Questionnaire Build(QuestionnaireDto dto, string file, QuestionTypeRegistry types)
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
            questions.Add(QuestionBuilder.Build(q, questions, fields, file, types));
        }

        if (!questions.Any(q => q.Id == "kode_desa" && q.Store))
        {
            Fail("a questionnaire must ask 'kode_desa' (the registration number needs the regency)");
        }

        var quickEntry = QuickEntryDefinition.Build(dto.QuickEntry, questions, kind, file, (raw, what) => Text(raw, file, null, what, required: false));
        return new Questionnaire(dto.Id!, dto.Version, kind, title, consent, done, questions, file) { QuickEntry = quickEntry };
    }

    private static UserText? Text(object? raw, string file, string? questionId, string what, bool required) =>
        YamlText.Read(raw, file, questionId, what, required);

    /// <summary>Lower-case letters, digits and '_', starting with a letter: questionnaire and question ids.</summary>
    public static bool IsId(string id) => IdShape().IsMatch(id);

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdShape();
}
