using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Conversations.Definition;

/// <summary>
/// The names of the built-in question types as written in the YAML <c>type:</c>, for code that treats one of them
/// specially (quick entry, import). What a type does is its plug-in in <c>Conversations/Types</c>.
/// </summary>
internal static class QuestionType
{
    public const string Text = "text";
    public const string Integer = "integer";
    public const string Money = "money";
    public const string Nik = "nik";
    public const string Phone = "phone";
    public const string YesNo = "yesno";
    public const string Choice = "choice";
    public const string MultiChoice = "multichoice";
    public const string Year = "year";
    public const string Date = "date";
    public const string Region = "region";
    public const string Location = "location";
    public const string Photo = "photo";
    public const string Kbli = "kbli";
    public const string Nib = "nib";
}

/// <summary>
/// One question of a questionnaire. <see cref="Id"/> is the contract's field id when stored; <see cref="Type"/> is the
/// name its plug-in is registered by (see <c>QuestionTypeRegistry</c>).
/// </summary>
internal sealed record Question(
    string Id,
    string Type,
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

    /// <summary>Whether an answer is one (or a list) of <see cref="Options"/>' values: choice, multichoice, yes/no (set by the loader from the type).</summary>
    public bool IsChoice { get; init; }

    public ChoiceOption? FindOption(string value) =>
        Options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.OrdinalIgnoreCase));
}

internal sealed record ChoiceOption(string Value, UserText Label, IReadOnlyList<string> Synonyms);
