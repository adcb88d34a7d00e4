namespace PLKumkm.Bot.Conversations.Definition;

// The YAML shape as written by people; QuestionnaireLoader turns it into the checked model.
// Text fields are `object?` because they may be a plain Indonesian string or a map {id: …, en: …}.
internal sealed class QuestionnaireDto
{
    public string? Id { get; set; }
    public int Version { get; set; }
    public string? Kind { get; set; }
    public object? Title { get; set; }
    public ConsentDto? Consent { get; set; }
    public object? Done { get; set; }
    public List<QuestionDto>? Questions { get; set; }
    public QuickEntryDto? QuickEntry { get; set; }
}

internal sealed class ConsentDto
{
    public string? NoticeVersion { get; set; }
    public object? Text { get; set; }
}

internal sealed class QuestionDto
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public object? Label { get; set; }
    public object? Prompt { get; set; }
    public object? Help { get; set; }
    public bool Optional { get; set; }
    public string? When { get; set; }
    public List<OptionDto>? Options { get; set; }
    public bool? Store { get; set; }
    public long? Min { get; set; }
    public long? Max { get; set; }
    public int? MaxLength { get; set; }
    public string? AnnualizeBy { get; set; }
    public string? MaxFrom { get; set; }
    public bool AllowNegative { get; set; }
    public bool ProperName { get; set; }
}

internal sealed class OptionDto
{
    public string? Value { get; set; }
    public object? Label { get; set; }
    public List<string>? Synonyms { get; set; }
}
