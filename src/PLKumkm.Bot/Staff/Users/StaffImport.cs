using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
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

    public async Task<StaffImportResult> ImportAsync(TextReader reader, CancellationToken ct)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(reader, config);
        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            throw new StaffImportException("the file is empty (expected a header: phone,role,region_code,name)");
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new StaffImportException($"missing column(s) {string.Join(", ", missing)} (expected phone,role,region_code,name)");
        }

        var problems = new List<StaffImportProblem>();
        var seenPhones = new Dictionary<string, int>(StringComparer.Ordinal);
        int created = 0, updated = 0;
        while (await csv.ReadAsync())
        {
            var line = csv.Parser.RawRow;
            var entry = new StaffEntry(csv.GetField("phone"), csv.GetField("role"), csv.GetField("region_code"), csv.GetField("name"));
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
