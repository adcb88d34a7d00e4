using System.Text.RegularExpressions;
using PLKumkm.Bot.Conversations.Engine;

namespace PLKumkm.Bot.Records;

/// <summary>
/// Folds a business name for "same business" matching: case, spacing, punctuation and the usual
/// abbreviations of prefixes ("Wr." = "Warung", "Tk." = "Toko") do not make a different business,
/// but the words themselves are kept ("Warung Bu Sari 2" is another business than "Warung Bu Sari").
/// </summary>
internal static partial class BusinessName
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["wr"] = "warung",
        ["wrg"] = "warung",
        ["tk"] = "toko",
        ["kd"] = "kedai",
        ["rm"] = "rumah makan",
        ["ud"] = "ud",
        ["bu"] = "bu",
        ["ibu"] = "bu",
        ["pak"] = "pak",
        ["bpk"] = "pak",
        ["bapak"] = "pak",
    };

    public static string Normalize(string name)
    {
        var folded = TextNormalizer.Fold(name);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.GetValueOrDefault(w, w));
        return Spaces().Replace(string.Join(' ', words), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
