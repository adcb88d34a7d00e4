using System.Diagnostics.CodeAnalysis;
using System.Text;
using PLKumkm.Bot.Conversations.Types;

namespace PLKumkm.Bot.Conversations.Definition;

/// <summary>
/// One question as written, while it is being checked: what a question type's load-time checks see, and how they
/// fail (naming file, question and reason).
/// </summary>
internal sealed class QuestionSpec(QuestionDto dto, string id, string file, IReadOnlyList<Question> earlier, QuestionTypeRegistry types)
{
    // Telegram callback data is at most 64 bytes; option values travel as "questionId=value".
    private const int MaxCallbackBytes = 64;

    public QuestionDto Dto => dto;

    public string Id => id;

    public Question? Earlier(string questionId) => earlier.FirstOrDefault(e => e.Id == questionId);

    [DoesNotReturn]
    public void Fail(string reason) => throw new QuestionnaireDefinitionException(file, id, reason);

    /// <summary>Fails with <paramref name="template"/>, <c>{0}</c> naming the types that do read <paramref name="key"/>.</summary>
    [DoesNotReturn]
    public void Refuse(QuestionKeys key, string template) => Fail(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, types.NamesWith(key)));

    /// <summary>The options as written, each with a value (no commas, unique, fitting a button) and a label.</summary>
    public List<ChoiceOption> WrittenOptions()
    {
        var result = new List<ChoiceOption>();
        foreach (var o in dto.Options ?? [])
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

            var label = YamlText.Read(o.Label, file, id, $"label of option '{value}'", required: true)!;
            result.Add(new ChoiceOption(value, label, o.Synonyms ?? []));
        }

        return result;
    }
}
