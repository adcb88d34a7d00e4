using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Definition;

internal enum QuestionType
{
    Text,
    Integer,
    Money,
    Nik,
    Phone,
    YesNo,
    Choice,
    MultiChoice,
    Year,
    Date,
    Region,
    Location,
    Photo,
    Kbli,
    Nib,
}

/// <summary>One question of a questionnaire. <see cref="Id"/> is the contract's field id when stored.</summary>
internal sealed record Question(
    string Id,
    QuestionType Type,
    UserText Label,
    UserText Prompt,
    UserText? Help,
    bool Optional,
    Condition? When,
    IReadOnlyList<ChoiceOption> Options,
    bool Store,
    long? Min,
    long? Max,
    int? MaxLength,
    string? AnnualizeBy,
    string? MaxFrom,
    bool AllowNegative)
{
    /// <summary>A person's or business's name (<c>proper_name: true</c>): stored in consistent capitals (see <c>NameCase</c>).</summary>
    public bool ProperName { get; init; }

    public bool IsChoice => Type is QuestionType.Choice or QuestionType.MultiChoice or QuestionType.YesNo;

    public ChoiceOption? FindOption(string value) =>
        Options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.OrdinalIgnoreCase));
}

internal sealed record ChoiceOption(string Value, UserText Label, IReadOnlyList<string> Synonyms);
