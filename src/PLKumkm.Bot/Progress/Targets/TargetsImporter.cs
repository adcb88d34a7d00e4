using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Progress.Targets;

internal sealed record TargetsImportResult(int Added, int Updated, IReadOnlyList<RowProblem> Problems)
{
    public int Saved => Added + Updated;

    public string Summary =>
        $"targets: {Saved} saved ({Added} new, {Updated} updated), {Problems.Count} row{(Problems.Count == 1 ? "" : "s")} rejected";
}

/// <summary>
/// <c>targets import FILE.csv</c>: one row per province or regency
/// (<c>region_code,target,enumerators,coordinators,start,end</c>). A region in the file replaces its
/// earlier target; regions not in the file keep theirs. Bad rows are reported by line and skipped.
/// </summary>
internal sealed class TargetsImporter(BotDbContext db, RegionCatalog regions, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Columns = ["region_code", "target", "enumerators", "coordinators", "start", "end"];

    public Task<TargetsImportResult> ImportAsync(string path, CancellationToken ct) => ImportAsync(path, CsvEncoding.Utf8, ct);

    public async Task<TargetsImportResult> ImportAsync(string path, CsvEncoding encoding, CancellationToken ct)
    {
        using var csv = CsvSource.Open(path, encoding);
        var index = ColumnIndex(csv.Header);
        var rows = new Dictionary<string, (CampaignTarget Target, int Line)>(StringComparer.Ordinal);
        var problems = new List<RowProblem>();
        while (csv.Read(out var record, out var line))
        {
            var parsed = record.Length == csv.Header.Count
                ? ReadRow(record, index, out var reason)
                : Refuse($"{record.Length} values where the header has {csv.Header.Count}", out reason);
            if (parsed is null)
            {
                problems.Add(new RowProblem(line, reason!));
            }
            else if (rows.TryGetValue(parsed.RegionCode, out var earlier))
            {
                problems.Add(new RowProblem(line, $"region {parsed.RegionCode} is already on line {earlier.Line}"));
            }
            else
            {
                rows[parsed.RegionCode] = (parsed, line);
            }
        }

        if (rows.Count == 0)
        {
            throw new ImportException(problems.Count == 0
                ? $"{path} has no rows under its header"
                : $"no valid row in {path} ({problems.Count} rejected; first: {problems[0]})");
        }

        var now = clock.GetUtcNow();
        var existing = await db.Targets.ToDictionaryAsync(t => t.RegionCode, StringComparer.Ordinal, ct);
        if (TargetBounds.CheckCountry(CountryTotal(existing, rows)) is { } tooBig)
        {
            throw new ImportException(tooBig);
        }

        int added = 0, updated = 0;
        foreach (var (code, (target, _)) in rows)
        {
            target.UpdatedAt = now;
            if (existing.TryGetValue(code, out var row))
            {
                row.Target = target.Target;
                row.Enumerators = target.Enumerators;
                row.Coordinators = target.Coordinators;
                row.Start = target.Start;
                row.End = target.End;
                row.UpdatedAt = now;
                updated++;
            }
            else
            {
                db.Targets.Add(target);
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new TargetsImportResult(added, updated, problems);
    }

    /// <summary>The national target once the file is in, by the progress roll-up (a province's own row, else the sum of its regencies).</summary>
    private long CountryTotal(Dictionary<string, CampaignTarget> existing, Dictionary<string, (CampaignTarget Target, int Line)> rows)
    {
        var merged = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (code, row) in existing)
        {
            merged[code] = row.Target;
        }

        foreach (var (code, (row, _)) in rows)
        {
            merged[code] = row.Target;
        }

        long total = 0;
        foreach (var province in regions.ChildrenOf(null))
        {
            total += merged.TryGetValue(province.Code, out var own)
                ? own
                : regions.ChildrenOf(province.Code).Sum(r => merged.GetValueOrDefault(r.Code));
        }

        return total;
    }

    private static int[] ColumnIndex(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.ToLowerInvariant()).ToList();
        var unknown = names.Where(n => !Columns.Contains(n)).ToList();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (unknown.Count > 0 || missing.Count > 0 || repeated.Count > 0)
        {
            var parts = new List<string>();
            if (unknown.Count > 0)
            {
                parts.Add($"unknown column{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}");
            }

            if (missing.Count > 0)
            {
                parts.Add($"missing {string.Join(", ", missing)}");
            }

            if (repeated.Count > 0)
            {
                parts.Add($"repeated {string.Join(", ", repeated)}");
            }

            throw new ImportException($"bad header ({string.Join("; ", parts)}); expected {string.Join(",", Columns)}");
        }

        return Columns.Select(c => names.IndexOf(c)).ToArray();
    }

    private static CampaignTarget? Refuse(string why, out string? reason)
    {
        reason = why;
        return null;
    }

    private CampaignTarget? ReadRow(string[] record, int[] index, out string? reason)
    {
        string Field(int column) => index[column] < record.Length ? record[index[column]] : "";

        reason = null;
        var codeText = Field(0);
        if (!RegionCodes.TryNormalize(codeText, out var code) || regions.Find(code) is not { Level: RegionLevel.Province or RegionLevel.Regency } region)
        {
            reason = codeText.Length == 0 ? "region_code is empty" : $"unknown region code '{codeText}' (a province like 16 or a regency like 16.01)";
            return null;
        }

        // Parsed without an upper limit, so a value too big is refused by the bound that names the region's level.
        var target = IntegerParser.Parse(Field(1), min: 1);
        var enumerators = IntegerParser.Parse(Field(2), min: 0);
        var coordinators = IntegerParser.Parse(Field(3), min: 0);
        var start = DateParser.Parse(Field(4));
        var end = DateParser.Parse(Field(5));
        foreach (var (name, error) in new[]
                 {
                     ("target", target.Error), ("enumerators", enumerators.Error), ("coordinators", coordinators.Error),
                     ("start", start.Error), ("end", end.Error),
                 })
        {
            if (error is not null)
            {
                reason = $"{name}: {error.En}";
                return null;
            }
        }

        foreach (var (name, value) in new[] { ("target", target.Value), ("enumerators", enumerators.Value), ("coordinators", coordinators.Value) })
        {
            if (TargetBounds.Check(name, value, region.Level) is { } tooBig)
            {
                reason = tooBig;
                return null;
            }
        }

        if (end.Value < start.Value)
        {
            reason = $"end {end.Value:yyyy-MM-dd} is before start {start.Value:yyyy-MM-dd}";
            return null;
        }

        return new CampaignTarget
        {
            RegionCode = code,
            Target = target.Value,
            Enumerators = enumerators.Value,
            Coordinators = coordinators.Value,
            Start = start.Value,
            End = end.Value,
        };
    }
}
