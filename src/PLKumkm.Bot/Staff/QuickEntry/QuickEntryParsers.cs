using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Staff.QuickEntry;

/// <summary>A quick-entry parser for every questionnaire loaded, by its tag: <c>#umkm</c>, <c>#koperasi</c>, and any new file.</summary>
internal sealed class QuickEntryParsers
{
    /// <summary>The questionnaire <c>/cepat</c> means (the UMKM form, the one enumerators send most).</summary>
    public const string CepatQuestionnaire = "umkm";

    private readonly Dictionary<string, QuickEntryParser> _byId;

    public QuickEntryParsers(QuestionnaireCatalog questionnaires, RegionCatalog regions) =>
        _byId = questionnaires.All.ToDictionary(q => q.Id, q => new QuickEntryParser(q, regions), StringComparer.Ordinal);

    public QuickEntryParser? Cepat => _byId.GetValueOrDefault(CepatQuestionnaire);

    /// <summary>The parser for the questionnaire <paramref name="text"/> is tagged with, and the message; null when it is no quick entry.</summary>
    public (QuickEntryParser Parser, QuickEntryMessage Message)? Find(string? text) =>
        QuickEntryMessage.TagOf(text) is { } id && _byId.TryGetValue(id, out var parser) && parser.Read(text) is { } message
            ? (parser, message)
            : null;
}
