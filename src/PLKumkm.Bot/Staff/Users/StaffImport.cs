using System.Globalization;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Staff.Users;

/// <summary>A row that was not imported: its line in the file (the header is line 1) and why.</summary>
internal sealed record StaffImportProblem(int Line, string Reason)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Reason}");
}

internal sealed record StaffImportResult(int Created, int Updated, IReadOnlyList<StaffImportProblem> Problems)
{
    public int Imported => Created + Updated;
}

/// <summary>The file cannot be imported at all (empty, wrong columns).</summary>
internal sealed class StaffImportException(string message) : Exception(message);

/// <summary>
/// <c>users import FILE.csv</c> with columns <c>phone,role,region_code,name</c> (any order, header
/// required; comma or semicolon, as spreadsheets in Indonesia often save). Valid rows are kept even when
/// others are bad, in one transaction; re-running the same file changes nothing.
/// </summary>
internal sealed class StaffImport(BotDbContext db, StaffRegistry registry, RegionCatalog regions)
{
    public static readonly string[] Columns = ["phone", "role", "region_code", "name"];

    /// <exception cref="StaffImportException">A column is missing.</exception>
    /// <exception cref="ImportException">The file breaks while being read (an unclosed quote).</exception>
    public async Task<StaffImportResult> ImportAsync(CsvSource csv, CancellationToken ct)
    {
        var header = csv.Header.Select(h => h.ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new StaffImportException($"missing column(s) {string.Join(", ", missing)} (expected phone,role,region_code,name)");
        }

        var index = Columns.Select(c => header.IndexOf(c)).ToArray();
        var problems = new List<StaffImportProblem>();
        var seenPhones = new Dictionary<string, int>(StringComparer.Ordinal);
        int created = 0, updated = 0;
        while (csv.Read(out var record, out var line))
        {
            string? Field(int column) => index[column] < record.Length ? record[index[column]] : null;
            var entry = new StaffEntry(Field(0), Field(1), Field(2), Field(3));
            if (entry is { Phone: null or "", Role: null or "", Region: null or "", Name: null or "" })
            {
                continue;
            }

            var (member, error) = StaffRegistry.Check(entry, regions);
            if (member is null)
            {
                problems.Add(new StaffImportProblem(line, error!));
                continue;
            }

            if (seenPhones.TryGetValue(member.Phone, out var earlier))
            {
                problems.Add(new StaffImportProblem(line, string.Create(CultureInfo.InvariantCulture, $"the same phone is already on line {earlier}")));
                continue;
            }

            seenPhones[member.Phone] = line;
            var saved = await registry.UpsertAsync(member, ct);
            if (saved.Created)
            {
                created++;
            }
            else
            {
                updated++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new StaffImportResult(created, updated, problems);
    }
}
