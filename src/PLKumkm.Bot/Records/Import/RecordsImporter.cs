using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Records.Import;

internal sealed record RecordsImportResult(int Read, int Added, int Updated, int Rejected, IReadOnlyList<RowProblem> Problems, TimeSpan Elapsed)
{
    public string Summary =>
        $"records: {Read} rows read, {Added} added, {Updated} updated, {Rejected} rejected in {Elapsed.TotalSeconds:0.0} s";
}

/// <summary>
/// <c>records import FILE.csv</c>: streams the file, validates rows on every core with the chat's
/// rules (<see cref="UmkmRowReader"/>), and writes them in file order through one
/// <see cref="BulkUmkmWriter"/>. A million rows is a normal file: nothing is held per row but a hash.
/// </summary>
internal sealed class RecordsImporter(BotDbContext db, RegionCatalog regions, QuestionnaireCatalog questionnaires, TimeProvider clock)
{
    private const int ChunkSize = 2_000;

    /// <summary>Rows per transaction: large enough to amortise commits, small enough to let the bot write in between.</summary>
    public int BatchSize { get; init; } = 50_000;

    /// <summary>Rejected rows kept for the report (all are counted).</summary>
    public int MaxProblemsKept { get; init; } = 100;

    /// <exception cref="ImportException">The file cannot be read or its header is wrong; nothing is imported.</exception>
    public async Task<RecordsImportResult> ImportAsync(string path, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var csv = CsvSource.Open(path);
        var columns = UmkmRowReader.CheckHeader(csv.Header);
        var questionnaire = questionnaires.All.FirstOrDefault(q => q.Kind == RecordKind.Umkm)
            ?? throw new ImportException("no UMKM questionnaire is loaded: its rules are the import's rules");
        var now = clock.GetUtcNow();
        var cache = new AnswerCache();
        var table = new EntityTable<Storage.Entities.UmkmRecord>(db.Model);
        var records = new NewUmkmRecords(table, now);

        var chunks = Channel.CreateBounded<Task<Outcome[]>>(new BoundedChannelOptions(Math.Max(2, Environment.ProcessorCount * 2))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var producer = Task.Run(() => ProduceAsync(csv, columns, questionnaire, records, cache, chunks.Writer, ct), ct);

        var problems = new List<RowProblem>();
        int read = 0, rejected = 0;
        using var writer = new BulkUmkmWriter(db.Database.GetConnectionString()!, table, db.Model, now, BatchSize);
        await foreach (var chunk in chunks.Reader.ReadAllAsync(ct))
        {
            foreach (var outcome in await chunk)
            {
                read++;
                if (outcome.Row is { } row)
                {
                    writer.Write(row);
                }
                else
                {
                    rejected++;
                    if (problems.Count < MaxProblemsKept)
                    {
                        problems.Add(outcome.Problem!);
                    }
                }
            }
        }

        await producer;
        writer.Commit();
        return new RecordsImportResult(read, writer.Added, writer.Updated, rejected, problems, watch.Elapsed);
    }

    private async Task ProduceAsync(CsvSource csv, IReadOnlyList<string> columns, Questionnaire questionnaire, NewUmkmRecords newRecords, AnswerCache cache,
        ChannelWriter<Task<Outcome[]>> output, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var records = new List<(string[] Fields, int Line)>(ChunkSize);
                while (records.Count < ChunkSize && csv.Read(out var fields, out var line))
                {
                    records.Add((fields, line));
                }

                if (records.Count == 0)
                {
                    break;
                }

                // Validation is the costly part and rows are independent: chunks run in parallel, the writer keeps file order.
                await output.WriteAsync(Task.Run(() => Validate(records, columns, questionnaire, newRecords, cache), ct), ct);
                if (records.Count < ChunkSize)
                {
                    break;
                }
            }

            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
        }
    }

    private Outcome[] Validate(List<(string[] Fields, int Line)> records, IReadOnlyList<string> columns, Questionnaire questionnaire, NewUmkmRecords newRecords, AnswerCache cache)
    {
        var reader = new UmkmRowReader(columns, questionnaire, regions, newRecords, newRecords.Now, cache);
        var outcomes = new Outcome[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var (fields, line) = records[i];
            var row = reader.Read(fields, line, out var reason);
            outcomes[i] = row is null ? new Outcome(null, new RowProblem(line, reason!)) : new Outcome(row, null);
        }

        return outcomes;
    }

    private readonly record struct Outcome(UmkmImportRow? Row, RowProblem? Problem);
}
