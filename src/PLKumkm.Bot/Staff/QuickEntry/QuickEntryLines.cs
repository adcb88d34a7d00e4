using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Records;

namespace PLKumkm.Bot.Staff.QuickEntry;

/// <summary>A typed field: its value, the line it came from, and a period implied by the key ("Omzet per bulan").</summary>
internal sealed record GivenField(string Value, int Line, string? Period);

/// <summary>
/// From a quick entry's lines to the fields it gives, by field id: unknown keys (with the closest known one), fields that
/// cannot be typed, a field written twice, stray lines and coordinates written apart are reported here, by line.
/// </summary>
internal sealed class QuickEntryLines(Questionnaire questionnaire, QuickEntryKeys keys)
{
    private static readonly Dictionary<string, string> PeriodWords = new(StringComparer.Ordinal)
    {
        ["hari"] = "/hari", ["per hari"] = "/hari", ["harian"] = "/hari", ["sehari"] = "/hari", ["hr"] = "/hari",
        ["bulan"] = "/bulan", ["per bulan"] = "/bulan", ["bulanan"] = "/bulan", ["sebulan"] = "/bulan", ["bln"] = "/bulan", ["per bln"] = "/bulan",
        ["tahun"] = "/tahun", ["per tahun"] = "/tahun", ["tahunan"] = "/tahun", ["setahun"] = "/tahun", ["thn"] = "/tahun",
    };

    private readonly QuickEntryTexts _texts = new(questionnaire, keys);

    public Dictionary<string, GivenField> Collect(QuickEntryMessage message, List<QuickEntryError> errors)
    {
        foreach (var stray in message.Stray)
        {
            errors.Add(new QuickEntryError(null, stray.Number, _texts.StrayLine(stray.Number)));
        }

        var given = new Dictionary<string, GivenField>(StringComparer.Ordinal);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in message.Lines)
        {
            var (key, period, suggestion) = Resolve(line.Key);
            if (key is null)
            {
                errors.Add(new QuickEntryError(null, line.Number, _texts.UnknownKey(line, suggestion)));
                continue;
            }

            if (!key.Typeable)
            {
                errors.Add(new QuickEntryError(key.FieldId, line.Number, _texts.Labelled(key.FieldId, line.Number, QuickEntryTexts.NotTypeable(
                    questionnaire.Find(key.FieldId)?.Type == QuestionType.Photo))));
                continue;
            }

            if (line.Value.Length == 0 || duplicates.Contains(key.FieldId))
            {
                continue;
            }

            if (given.Remove(key.FieldId, out var first))
            {
                duplicates.Add(key.FieldId);
                errors.Add(new QuickEntryError(key.FieldId, first.Line, _texts.Labelled(key.FieldId, null, QuickEntryTexts.Twice(first.Line, line.Number))));
                continue;
            }

            given[key.FieldId] = new GivenField(line.Value, line.Number, period);
        }

        CombineCoordinates(given, errors);
        return given;
    }

    /// <summary>A known key, or a known key followed by a period ("Omzet per bulan"), or a suggestion for a typo.</summary>
    private (QuickEntryKey? Key, string? Period, string? Suggestion) Resolve(string rawKey)
    {
        if (keys.Find(rawKey) is { } key)
        {
            return (key, null, null);
        }

        var words = QuickEntryKeys.Fold(rawKey).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = words.Length - 1; n >= 1; n--)
        {
            if (keys.Find(string.Join(' ', words[..n])) is not { } prefix)
            {
                continue;
            }

            var annualized = questionnaire.Find(prefix.FieldId) is { Type: QuestionType.Money, AnnualizeBy: not null };
            return PeriodWords.TryGetValue(string.Join(' ', words[n..]), out var period) && annualized
                ? (prefix, period, null)
                : (null, null, prefix.Label);
        }

        return (null, null, keys.Suggest(rawKey));
    }

    /// <summary><c>Lat:</c> and <c>Lon:</c> on their own lines become one location, as the questionnaire keeps it.</summary>
    private void CombineCoordinates(Dictionary<string, GivenField> given, List<QuickEntryError> errors)
    {
        var hasLat = given.Remove(QuickEntryDefinition.Latitude, out var lat);
        var hasLon = given.Remove(QuickEntryDefinition.Longitude, out var lon);
        if (!hasLat && !hasLon)
        {
            return;
        }

        var line = Math.Min(lat?.Line ?? int.MaxValue, lon?.Line ?? int.MaxValue);
        if (given.Remove(FieldIds.Location))
        {
            errors.Add(new QuickEntryError(FieldIds.Location, line, _texts.Labelled(FieldIds.Location, line, QuickEntryTexts.LocationTwice)));
            return;
        }

        if (!hasLat || !hasLon)
        {
            errors.Add(new QuickEntryError(FieldIds.Location, line, _texts.Labelled(FieldIds.Location, line, QuickEntryTexts.LocationHalf)));
            return;
        }

        given[FieldIds.Location] = new GivenField($"{lat!.Value}, {lon!.Value}", line, null);
    }
}
