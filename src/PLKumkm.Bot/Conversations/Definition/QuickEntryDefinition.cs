using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records;

namespace PLKumkm.Bot.Conversations.Definition;

/// <summary>
/// A field a quick entry knows: its id, the label the form and the errors show, the names people type for it
/// (the id and the label among them), and whether it may be typed at all (system fields, photos and derived
/// fields are known so the reply can say why they cannot).
/// </summary>
internal sealed record QuickEntryField(string FieldId, string Label, IReadOnlyList<string> Names, bool Typeable);

/// <summary>
/// How quick entry (<c>#&lt;questionnaire id&gt;</c>) and <c>records import</c> read a questionnaire's fields, from its
/// <c>quick_entry:</c> section: the keys per field, what an entry (and an import row) must have, the blank form, the
/// worked example and a note. Without the section: field ids and question labels as keys, the questions the chat
/// cannot skip as required.
/// </summary>
internal sealed record QuickEntryDefinition(
    IReadOnlyList<QuickEntryField> Fields,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> RequiredInEntry,
    IReadOnlyList<string> Form,
    IReadOnlyList<KeyValuePair<string, string>> Example,
    UserText? Note)
{
    /// <summary>Coordinates typed apart (<c>Lat:</c>, <c>Lon:</c>) fill the location question together.</summary>
    public const string Latitude = "lat";

    public const string Longitude = "lon";

    /// <summary>Derived from other answers (the size class): known, never typed.</summary>
    private static readonly IReadOnlySet<string> Derived = new HashSet<string>(StringComparer.Ordinal) { "skala" };

    public static QuickEntryDefinition Default(RecordKind kind, IReadOnlyList<Question> questions) => Build(null, questions, kind, "", (_, _) => null);

    /// <summary>Checks the section against the questionnaire's questions; a problem names the file and the reason.</summary>
    /// <param name="text">The loader's reader of a text that may be plain or <c>id:</c>/<c>en:</c>.</param>
    public static QuickEntryDefinition Build(
        QuickEntryDto? dto, IReadOnlyList<Question> questions, RecordKind kind, string file, Func<object?, string, UserText?> text)
    {
        void Fail(string reason) => throw new QuestionnaireDefinitionException(file, null, $"quick_entry: {reason}");

        var stored = questions.Where(q => q.Store).ToDictionary(q => q.Id, StringComparer.Ordinal);
        var hasLocation = stored.ContainsKey(FieldIds.Location);
        var contract = kind == RecordKind.Umkm ? FieldIds.Umkm : FieldIds.Koperasi;
        bool Typeable(string id) => stored.TryGetValue(id, out var q) ? q.Type != QuestionType.Photo : hasLocation && id is Latitude or Longitude;
        bool Known(string id) => stored.ContainsKey(id) || contract.Contains(id) || Derived.Contains(id);

        var fields = new List<QuickEntryField>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string id, string label, IEnumerable<string> names, bool strict)
        {
            var kept = new List<string>();
            foreach (var name in names.Prepend(id))
            {
                var folded = TextNormalizer.Fold(name);
                if (folded.Length == 0)
                {
                    Fail($"a key of '{id}' is empty");
                }

                if (owner.TryGetValue(folded, out var other) && other != id)
                {
                    if (strict)
                    {
                        Fail($"the key '{name}' of '{id}' is also a key of '{other}'");
                    }

                    continue;
                }

                owner[folded] = id;
                kept.Add(name);
            }

            fields.Add(new QuickEntryField(id, label, kept, Typeable(id)));
        }

        // Field ids first: a field id is never another field's key.
        foreach (var id in stored.Keys.Concat(contract).Concat(Derived))
        {
            owner.TryAdd(TextNormalizer.Fold(id), id);
        }

        foreach (var (id, names) in dto?.Keys ?? [])
        {
            if (!Known(id))
            {
                Fail($"keys of '{id}', which is neither a question nor a field id");
            }

            var typed = (names ?? []).Select(n => n?.Trim() ?? "").ToList();
            Add(id, typed.FirstOrDefault() is { Length: > 0 } first ? first : id, typed, strict: true);
        }

        foreach (var question in stored.Values.Where(q => fields.All(f => f.FieldId != q.Id)))
        {
            Add(question.Id, question.Label.Id, [question.Label.Id], strict: false);
        }

        foreach (var id in (hasLocation ? new[] { Latitude, Longitude } : []).Concat(FieldIds.SystemFilled).Where(id => fields.All(f => f.FieldId != id)))
        {
            Add(id, id, [], strict: false);
        }

        List<string> Fields(List<string>? ids, string what)
        {
            foreach (var id in ids ?? [])
            {
                if (!stored.ContainsKey(id) || !Typeable(id))
                {
                    Fail($"'{what}' names '{id}', which is not a question that can be typed");
                }
            }

            return ids ?? [];
        }

        var required = dto?.Required is null
            ? questions.Where(q => q.Store && !q.Optional && q.When is null && q.Type is not (QuestionType.Photo or QuestionType.Location))
                .Select(q => q.Id).ToList()
            : Fields(dto.Required, "required");
        if (!required.Contains("kode_desa"))
        {
            if (dto?.Required is not null)
            {
                Fail("'required' must name 'kode_desa' (the registration number needs the regency)");
            }

            required.Add("kode_desa");
        }

        var inEntry = required.Concat(Fields(dto?.RequiredInEntry, "required_in_entry")).Distinct().ToList();
        var form = dto?.Form is null ? stored.Keys.Where(Typeable).ToList() : Fields(dto.Form, "form");
        var example = (dto?.Example ?? []).ToList();
        Fields(example.Select(e => e.Key).ToList(), "example");
        return new QuickEntryDefinition(fields, required, inEntry, form, example, text(dto?.Note, "quick_entry note"));
    }
}
