using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Staff.QuickEntry;

/// <summary>A key of a quick entry line, resolved: the field it fills and the short label users see.</summary>
internal sealed record QuickEntryKey(string FieldId, string Label, bool Typeable);

/// <summary>
/// The keys one questionnaire's quick entry understands (its <see cref="QuickEntryDefinition"/>: field ids and the
/// short labels people type, <c>Nama</c>, <c>Usaha</c>, <c>Desa</c>…), compared folded (case, spaces, underscores
/// and punctuation ignored).
/// </summary>
internal sealed class QuickEntryKeys
{
    private readonly Dictionary<string, QuickEntryKey> _byFolded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);

    public QuickEntryKeys(QuickEntryDefinition definition)
    {
        foreach (var field in definition.Fields)
        {
            _labels[field.FieldId] = field.Label;
            foreach (var name in field.Names)
            {
                _byFolded.TryAdd(Fold(name), new QuickEntryKey(field.FieldId, field.Label, field.Typeable));
            }
        }

        Labels = definition.Fields.Where(f => f.Typeable).Select(f => f.Label).ToList();
    }

    /// <summary>Labels in the order the questionnaire file lists them, for suggestions and help.</summary>
    public IReadOnlyList<string> Labels { get; }

    public string LabelOf(string fieldId) => _labels.GetValueOrDefault(fieldId, fieldId);

    public QuickEntryKey? Find(string rawKey) => _byFolded.GetValueOrDefault(Fold(rawKey));

    /// <summary>The label nearest to an unknown key (typos like "Omset2", "Nma"), if one is close enough.</summary>
    public string? Suggest(string rawKey)
    {
        var folded = Fold(rawKey);
        if (folded.Length == 0)
        {
            return null;
        }

        var budget = folded.Length <= 4 ? 1 : folded.Length <= 8 ? 2 : 3;
        return _byFolded
            .Select(k => (k.Value.Label, Distance: EditDistance.Bounded(k.Key, folded, budget)))
            .Where(k => k.Distance <= budget)
            .OrderBy(k => k.Distance)
            .FirstOrDefault().Label;
    }

    /// <summary>Case, spacing, underscores and punctuation do not make a different key.</summary>
    public static string Fold(string key) => TextNormalizer.Fold(key);
}
