using PLKumkm.Bot.Importing;

namespace PLKumkm.Bot.Records.Import;

/// <summary>The header rules both kinds of import share: field ids in any order and case, none unknown or repeated.</summary>
internal static class ImportHeader
{
    public static List<string> Normalize(IReadOnlyList<string> header) => header.Select(h => h.Trim().ToLowerInvariant()).ToList();

    /// <summary>The normalised columns, or every problem of the header at once.</summary>
    /// <param name="unknownHint">Added after the unknown columns, given them (e.g. how to import the other kind).</param>
    /// <exception cref="ImportException">With every problem named.</exception>
    public static IReadOnlyList<string> Check(
        IReadOnlyList<string> header,
        IReadOnlySet<string> accepted,
        IReadOnlyList<string> required,
        string kind,
        IReadOnlyList<string> fieldIds,
        Func<IReadOnlyList<string>, string>? unknownHint = null)
    {
        var columns = Normalize(header);
        var problems = new List<string>();
        var unknown = columns.Where(c => !accepted.Contains(c)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"unknown column{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}{unknownHint?.Invoke(unknown)}");
        }

        var repeated = columns.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            problems.Add($"repeated column{(repeated.Count == 1 ? "" : "s")} {string.Join(", ", repeated)}");
        }

        var missing = required.Where(r => !columns.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing required column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}");
        }

        if (columns.Contains("lat") != columns.Contains("lon"))
        {
            problems.Add("lat and lon come together");
        }

        return problems.Count == 0
            ? columns
            : throw new ImportException($"bad header: {string.Join("; ", problems)}. Columns are the {kind} field ids ({string.Join(",", fieldIds)})");
    }
}
