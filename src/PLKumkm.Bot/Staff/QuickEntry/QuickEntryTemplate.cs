using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Staff.QuickEntry;

/// <summary>What a tag alone (<c>#umkm</c>, <c>#koperasi</c>) or <c>/cepat</c> returns: how it works with an example, then the blank form to copy.</summary>
internal static class QuickEntryTemplate
{
    public static IReadOnlyList<OutboundMessage> For(QuickEntryParser parser, RegionCatalog regions, string scope, string language)
    {
        var questionnaire = parser.Questionnaire;
        var definition = questionnaire.QuickEntry;
        var keys = parser.Keys;
        var tag = "#" + questionnaire.Id;
        var form = definition.Form.Select(keys.LabelOf).ToList();
        var required = string.Join(", ", definition.RequiredInEntry.Select(keys.LabelOf));
        var optional = string.Join(", ", keys.Labels.Where(l => !form.Contains(l)));
        var note = definition.Note is null ? "" : " ";
        var example = definition.Example.Count == 0
            ? null
            : string.Join('\n', definition.Example.Select(e => $"{keys.LabelOf(e.Key)}: {ExampleValue(questionnaire, e, regions, scope)}").Prepend(tag));
        var (what, whatEn, title, titleEn) = questionnaire.Kind == RecordKind.Koperasi
            ? ("koperasi", "cooperative", "Entri cepat koperasi", "Quick entry of a cooperative")
            : ("usaha", "business", "Entri cepat", "Quick entry");
        var howTo = new UserText(
            $"*{title}*: satu pesan untuk satu {what}. Salin formulir di pesan berikut, isi setelah tanda titik dua, lalu kirim.\n"
            + $"Wajib: {required}.{note}{definition.Note?.Id}\nKunci lain (boleh): {optional}."
            + (example is null ? "" : $"\n\nContoh:\n{example}"),
            $"*{titleEn}*: one message per {whatEn}. Copy the form in the next message, fill in after the colons, and send it.\n"
            + $"Required: {required}.{note}{definition.Note?.En}\nOther keys (optional): {optional}."
            + (example is null ? "" : $"\n\nExample:\n{example}"));
        var blank = string.Join('\n', form.Select(k => k + ": ").Prepend(tag));
        return [new OutboundMessage(howTo.In(language)), new OutboundMessage(blank)];
    }

    private static string ExampleValue(Questionnaire questionnaire, KeyValuePair<string, string> example, RegionCatalog regions, string scope) =>
        questionnaire.Find(example.Key)?.Type == QuestionType.Region ? ExampleVillage(regions, scope) ?? example.Value : example.Value;

    /// <summary>A real village of the person's own regency, so the example is one they recognise.</summary>
    private static string? ExampleVillage(RegionCatalog regions, string scope)
    {
        var regency = scope.Length >= 5 ? regions.RegencyOf(scope) : null;
        var district = regency is null ? null : regions.ChildrenOf(regency.Code).FirstOrDefault();
        var village = district is null ? null : regions.ChildrenOf(district.Code).FirstOrDefault();
        return village is null ? null : $"{village.Name}, {district!.Name}";
    }
}
