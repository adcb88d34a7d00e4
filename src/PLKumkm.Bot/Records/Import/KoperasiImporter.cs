using System.Diagnostics;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Cooperatives;
using PLKumkm.Bot.Exports;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// <c>records import FILE.csv</c> of cooperatives (a header with <c>nama_koperasi</c>): each row read with the
/// <c>#koperasi</c> quick entry's rules (<see cref="KoperasiQuickEntryParser.ReadFields"/>, any village of Indonesia)
/// and written through <see cref="RecordWriter.SaveKoperasiAsync"/>, in transactions of <see cref="BatchSize"/> rows.
/// Simple rather than fast: the country has about 130,000 cooperatives, not millions.
/// </summary>
/// <remarks>
/// Required: <c>nama_koperasi</c>, <c>kode_desa</c>. An empty cell is "not given". <c>sumber</c> and the columns an
/// export adds are accepted and not read: an imported cooperative's source is <c>impor</c>, its number and region codes
/// are the database's own. A cooperative found again with nothing changed is not written (re-running a file adds nothing).
/// </remarks>
internal sealed class KoperasiImporter(BotDbContext db, RecordWriter writer, KoperasiQuickEntryParser parser, TimeProvider clock)
{
    public static IReadOnlyList<string> Required => KoperasiQuickEntryParser.Required;

    /// <summary>What a UMKM file must have and a cooperative file cannot: such a header goes the UMKM way.</summary>
    private static readonly IReadOnlyList<string> UmkmOnlyRequired = ["nik", "nama_pemilik", "nama_usaha"];

    private static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.Ordinal)
    {
        "sumber", ExportColumns.RegistrationNumber, ExportColumns.KodeProvinsi, ExportColumns.KodeKabupaten, ExportColumns.KodeKecamatan,
    };

    private static readonly IReadOnlySet<string> Accepted = new HashSet<string>(FieldIds.Koperasi.Concat(Ignored), StringComparer.Ordinal);

    /// <summary>Rows per transaction.</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>Rejected rows kept for the report (all are counted).</summary>
    public int MaxProblemsKept { get; init; } = 100;

    /// <summary>A cooperative file: its header names <c>nama_koperasi</c> and none of the UMKM's own required columns.</summary>
    public static bool IsKoperasiHeader(IReadOnlyList<string> header)
    {
        var columns = ImportHeader.Normalize(header);
        return columns.Contains("nama_koperasi") && !columns.Any(UmkmOnlyRequired.Contains);
    }

    /// <summary>File-level check of the header: unknown, repeated or missing required columns stop the import.</summary>
    /// <exception cref="ImportException">With every problem named.</exception>
    public static IReadOnlyList<string> CheckHeader(IReadOnlyList<string> header) =>
        ImportHeader.Check(header, Accepted, Required, "koperasi", FieldIds.Koperasi);

    /// <exception cref="ImportException">The file cannot be read or its header is wrong; nothing is imported.</exception>
    public async Task<RecordsImportResult> ImportAsync(string path, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var csv = CsvSource.Open(path);
        var columns = CheckHeader(csv.Header);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var problems = new List<RowProblem>();
        int read = 0, added = 0, updated = 0, unchanged = 0, rejected = 0, inBatch = 0;
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction = null;
        try
        {
            while (csv.Read(out var fields, out var line))
            {
                ct.ThrowIfCancellationRequested();
                read++;
                var answers = ReadRow(columns, fields, now, today, out var reason);
                if (answers is null)
                {
                    if (++rejected <= MaxProblemsKept)
                    {
                        problems.Add(new RowProblem(line, reason!));
                    }

                    continue;
                }

                transaction ??= await db.Database.BeginTransactionAsync(ct);
                var saved = await writer.SaveKoperasiAsync(answers, Submitter.Import(answers.GetValueOrDefault("enumerator")), ct, skipUnchanged: true);
                if (saved.Refused is { } refused)
                {
                    // The import is national, so only a move to another regency is refused.
                    if (++rejected <= MaxProblemsKept)
                    {
                        problems.Add(new RowProblem(line, ImportRefusals.Reason(RecordKind.Koperasi, refused)));
                    }

                    continue;
                }

                // Row by row, so a cooperative repeated later in the file is found again.
                await db.SaveChangesAsync(ct);
                if (saved.Unchanged)
                {
                    unchanged++;
                }
                else if (saved.Updated)
                {
                    updated++;
                }
                else
                {
                    added++;
                }

                if (++inBatch == BatchSize)
                {
                    await transaction.CommitAsync(ct);
                    await transaction.DisposeAsync();
                    transaction = null;
                    db.ChangeTracker.Clear();
                    inBatch = 0;
                }
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            db.ChangeTracker.Clear();
        }

        return new RecordsImportResult(read, added, updated, unchanged, rejected, problems, watch.Elapsed);
    }

    /// <summary>A row's answers by field id, or null with every problem in <paramref name="reason"/> (<c>field: reason; …</c>).</summary>
    private Dictionary<string, string>? ReadRow(IReadOnlyList<string> columns, string[] record, DateTimeOffset now, DateOnly today, out string? reason)
    {
        if (record.Length != columns.Count)
        {
            reason = $"{record.Length} values where the header has {columns.Count} (quote values that contain a comma)";
            return null;
        }

        var errors = new List<string>(0);
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var text = UmkmRowReader.Cell(record, i);
            if (text.Length > 0 && !Ignored.Contains(columns[i]))
            {
                cells[columns[i]] = text;
            }
        }

        errors.AddRange(Required.Where(r => !cells.ContainsKey(r)).Select(r => $"{r} is required"));
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var questions = cells.Where(c => c.Key is not ("lat" or "lon" or "waktu_kirim" or "enumerator"))
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        // The whole country: an admin's file may hold any village.
        errors.AddRange(parser.ReadFields(questions, RegionCodes.Country, today, answers, trustAmounts: true).Select(e => $"{e.FieldId}: {e.Error.En}"));
        if (cells.TryGetValue("waktu_kirim", out var sent))
        {
            if (!IsoTime.TryParse(sent, out var at))
            {
                errors.Add($"waktu_kirim: '{sent}' is not an ISO 8601 time with offset (e.g. 2022-09-12T10:15:00+07:00)");
            }
            else if (at > now.AddDays(1))
            {
                errors.Add($"waktu_kirim: {sent} is in the future");
            }
            else
            {
                answers["waktu_kirim"] = IsoTime.Format(at);
            }
        }

        if (cells.TryGetValue("enumerator", out var enumerator))
        {
            var clean = TextNormalizer.Clean(enumerator);
            if (clean.Length > 500)
            {
                errors.Add("enumerator: longer than 500 characters");
            }
            else
            {
                answers["enumerator"] = clean;
            }
        }

        UmkmRowReader.ReadLocation(cells.GetValueOrDefault("lat", ""), cells.GetValueOrDefault("lon", ""), answers, errors);
        if (errors.Count > 0)
        {
            reason = string.Join("; ", errors);
            return null;
        }

        reason = null;
        return answers;
    }

}
