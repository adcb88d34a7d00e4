using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Conversations.Definition;

/// <summary>A questionnaire loaded from <c>conversations/*.yaml</c> and checked at start-up.</summary>
internal sealed record Questionnaire(
    string Id,
    int Version,
    RecordKind Kind,
    UserText Title,
    ConsentNotice Consent,
    UserText Done,
    IReadOnlyList<Question> Questions,
    string SourceFile)
{
    private readonly Dictionary<string, Question> _byId =
        Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);

    private readonly QuickEntryDefinition? _quickEntry;

    /// <summary>How quick entry and import read this questionnaire's fields (its <c>quick_entry:</c> section, or the defaults).</summary>
    public QuickEntryDefinition QuickEntry
    {
        get => _quickEntry ?? QuickEntryDefinition.Default(Kind, Questions);
        init => _quickEntry = value;
    }

    public Question? Find(string questionId) => _byId.GetValueOrDefault(questionId);

    public int IndexOf(string questionId) =>
        _byId.TryGetValue(questionId, out var q) ? IndexOfQuestion(q) : -1;

    private int IndexOfQuestion(Question question)
    {
        for (var i = 0; i < Questions.Count; i++)
        {
            if (ReferenceEquals(Questions[i], question))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>The plain-language notice shown before any personal question (UU 27/2022).</summary>
internal sealed record ConsentNotice(string Version, UserText Text);
