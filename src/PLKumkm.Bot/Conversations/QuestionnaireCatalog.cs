using PLKumkm.Bot.Conversations.Definition;


namespace PLKumkm.Bot.Conversations;

/// <summary>The questionnaires loaded (and checked) at start-up, by id.</summary>
internal sealed class QuestionnaireCatalog
{
    private readonly Dictionary<string, Questionnaire> _byId;

    public QuestionnaireCatalog(IEnumerable<Questionnaire> questionnaires) =>
        _byId = questionnaires.ToDictionary(q => q.Id, StringComparer.Ordinal);

    public IReadOnlyCollection<Questionnaire> All => _byId.Values;

    public Questionnaire Get(string id) =>
        _byId.TryGetValue(id, out var q) ? q : throw new KeyNotFoundException($"no questionnaire '{id}' is loaded");

    public bool Contains(string id) => _byId.ContainsKey(id);
}
