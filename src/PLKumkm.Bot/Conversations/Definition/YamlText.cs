using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Conversations.Definition;

/// <summary>A text of the YAML: plain Indonesian, or a map <c>{id: …, en: …}</c> (English falls back to Indonesian).</summary>
internal static class YamlText
{
    public static UserText? Read(object? raw, string file, string? questionId, string what, bool required)
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
}
