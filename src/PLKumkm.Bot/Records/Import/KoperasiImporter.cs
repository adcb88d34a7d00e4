using System.Diagnostics;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// <c>records import FILE.csv</c> of cooperatives (a header with <c>nama_koperasi</c>): each row read with the
/// koperasi questionnaire's rules, as a <c>#koperasi</c> quick entry is (<see cref="ImportRowReader"/>, any village of
/// Indonesia), and written through <see cref="RecordWriter.SaveKoperasiAsync"/>, in transactions of <see cref="BatchSize"/> rows.
/// Simple rather than fast: the country has about 130,000 cooperatives, not millions.
/// </summary>
/// <remarks>
/// Required: the questionnaire's (<c>nama_koperasi</c>, <c>kode_desa</c>). An empty cell is "not given". <c>sumber</c> and the columns an
/// export adds are accepted and not read: an imported cooperative's source is <c>impor</c>, its number and region codes
/// are the database's own. A cooperative found again with nothing changed is not written (re-running a file adds nothing).
/// </remarks>
internal sealed class KoperasiImporter(BotDbContext db, RecordWriter writer, QuestionnaireCatalog questionnaires, RegionCatalog regions, TimeProvider clock)
{
    private static readonly IReadOnlySet<string> Ignored =
        new HashSet<string>(["sumber", .. RecordColumns.Derived(RecordKind.Koperasi)], StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> Accepted = new HashSet<string>(FieldIds.Koperasi.Concat(Ignored), StringComparer.Ordinal);

    /// <summary>Rows per transaction.</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>Rejected rows kept for the report (all are counted).</summary>
    public int MaxProblemsKept { get; init; } = 100;

    /// <summary>
    /// A cooperative file: its header names <c>nama_koperasi</c> and none of the columns a UMKM file must have and a
    /// cooperative file need not (<c>nik</c>, <c>nama_pemilik</c>, <c>nama_usaha</c>): such a header goes the UMKM way.
    /// </summary>
    public static bool IsKoperasiHeader(IReadOnlyList<string> header, QuestionnaireCatalog questionnaires)
    {
        var columns = ImportHeader.Normalize(header);
        var koperasi = questionnaires.All.Where(q => q.Kind == RecordKind.Koperasi).SelectMany(q => q.QuickEntry.Required).ToHashSet();
        var umkmOnly = questionnaires.All.Where(q => q.Kind == RecordKind.Umkm).SelectMany(q => q.QuickEntry.Required).Where(r => !koperasi.Contains(r));
        return columns.Contains("nama_koperasi") && !umkmOnly.Any(columns.Contains);
    }

    /// <summary>File-level check of the header: unknown, repeated or missing required columns stop the import.</summary>
    /// <exception cref="ImportException">With every problem named.</exception>
    public static IReadOnlyList<string> CheckHeader(IReadOnlyList<string> header, Questionnaire questionnaire) =>
        ImportHeader.Check(header, Accepted, questionnaire.QuickEntry.Required, "koperasi", FieldIds.Koperasi);

    /// <exception cref="ImportException">The file cannot be read or its header is wrong; nothing is imported.</exception>
    public Task<RecordsImportResult> ImportAsync(string path, CancellationToken ct) => ImportAsync(path, CsvEncoding.Utf8, ct);

    /// <exception cref="ImportException">The file cannot be read, is not in <paramref name="encoding"/>, or its header is wrong; nothing is imported.</exception>
    public async Task<RecordsImportResult> ImportAsync(string path, CsvEncoding encoding, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var csv = CsvSource.Open(path, encoding);
        var questionnaire = questionnaires.All.FirstOrDefault(q => q.Kind == RecordKind.Koperasi)
            ?? throw new ImportException("no koperasi questionnaire is loaded: its rules are the import's rules");
        var columns = CheckHeader(csv.Header, questionnaire);
        var rows = new ImportRowReader(columns, questionnaire, regions, clock.GetUtcNow(), Ignored);
        var problems = new List<RowProblem>();
        int read = 0, added = 0, updated = 0, unchanged = 0, rejected = 0, inBatch = 0;
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction = null;
        try
        {
            while (csv.Read(out var fields, out var line))
            {
                ct.ThrowIfCancellationRequested();
                read++;
                if (rows.Read(fields, out var reason) is not { } row)
                {
                    if (++rejected <= MaxProblemsKept)
                    {
                        problems.Add(new RowProblem(line, reason!));
                    }

                    continue;
                }

                var answers = new Dictionary<string, string>(row, StringComparer.Ordinal);
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
}
