namespace PLKumkm.Bot.Conversations.Types;

/// <summary>
/// The question types by name. <see cref="Default"/> is the one list of the built-in types; a test (or a
/// questionnaire needing a type of its own) adds more with <see cref="With"/>.
/// </summary>
internal sealed class QuestionTypeRegistry
{
    private readonly List<IQuestionType> _all;
    private readonly Dictionary<string, IQuestionType> _byName = new(StringComparer.Ordinal);

    public QuestionTypeRegistry(IEnumerable<IQuestionType> types)
    {
        _all = [.. types];
        foreach (var type in _all)
        {
            if (Normalize(type.Name) != type.Name || !_byName.TryAdd(type.Name, type))
            {
                throw new ArgumentException($"question type '{type.Name}' is registered twice or not written in lower case without '_'");
            }
        }
    }

    public static QuestionTypeRegistry Default { get; } = new(
    [
        new TextType(), new IntegerType(), new MoneyType(), new NikType(), new PhoneType(), new YesNoType(), new ChoiceType(),
        new MultiChoiceType(), new YearType(), new DateType(), new RegionType(), new LocationType(), new PhotoType(), new KbliType(),
        new NibType(),
    ]);

    public IReadOnlyList<string> Names => _all.ConvertAll(t => t.Name);

    public QuestionTypeRegistry With(params IQuestionType[] more) => new([.. _all, .. more]);

    /// <summary>The type a YAML <c>type:</c> names (any case, <c>multi_choice</c> as <c>multichoice</c>), or null.</summary>
    public IQuestionType? Find(string? name) => name is null ? null : _byName.GetValueOrDefault(Normalize(name));

    public IQuestionType Get(string name) =>
        Find(name) ?? throw new KeyNotFoundException($"no question type '{name}' is registered");

    /// <summary>"integer, money and year": the types that read <paramref name="key"/>, for a load error.</summary>
    public string NamesWith(QuestionKeys key)
    {
        var names = _all.Where(t => t.Keys.HasFlag(key)).Select(t => t.Name).ToList();
        return names.Count <= 1 ? string.Join("", names) : string.Join(", ", names[..^1]) + " and " + names[^1];
    }

    private static string Normalize(string name) => name.Trim().Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
