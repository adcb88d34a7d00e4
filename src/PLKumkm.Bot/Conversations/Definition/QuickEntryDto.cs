namespace PLKumkm.Bot.Conversations.Definition;

// The `quick_entry:` section of a questionnaire file, as written by people; QuickEntryDefinition checks it.
internal sealed class QuickEntryDto
{
    public List<string>? Required { get; set; }
    public List<string>? RequiredInEntry { get; set; }
    public List<string>? Form { get; set; }
    public Dictionary<string, string>? Example { get; set; }
    public object? Note { get; set; }
    public Dictionary<string, List<string>>? Keys { get; set; }
}
