using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Records.Reading;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

internal sealed record RecordsImportResult(int Read, int Added, int Updated, int Unchanged, int Rejected, IReadOnlyList<RowProblem> Problems, TimeSpan Elapsed)
{
    /// <summary>Loaded as a first load: one transaction, the table's indexes created again at its end.</summary>
    public bool IndexesDeferred { get; init; }

    /// <summary>Of <see cref="Elapsed"/>: creating the deferred indexes again.</summary>
    public TimeSpan IndexRebuild { get; init; }

    /// <summary>Of <see cref="Elapsed"/>: ending transactions (counts, commit, SQLite's checkpoint).</summary>
    public TimeSpan Committing { get; init; }

    public string Summary =>
        $"records: {Read} rows read, {Added} added, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected in {Elapsed.TotalSeconds:0.0} s";
}

/// <summary>
/// <c>records import FILE.csv</c>: one thread reads the file in chunks, validation threads check
/// the rows with the chat's rules (<see cref="UmkmRowReader"/>), and the calling thread writes them
/// in file order through one <see cref="BulkUmkmWriter"/>. A million rows is a normal file: memory
/// holds a few chunks and a hash per business, never the file.
/// </summary>
internal sealed class RecordsImporter(BotDbContext db, RegionCatalog regions, QuestionnaireCatalog questionnaires, TimeProvider clock)
{
    private const int ChunkSize = 64;
    private const int BytesPerRow = 256;

    /// <summary>Rows per transaction: large enough to amortise commits, small enough to let the bot write in between.</summary>
    public int BatchSize { get; init; } = 50_000;

    /// <summary>
    /// Files from this size on into a table that has never held a record load as one transaction with the table's
    /// indexes deferred (see <see cref="BulkUmkmWriter"/>); <see cref="long.MaxValue"/>: never. Only then: the bot's
    /// writes wait for that one transaction, so once the campaign holds records a big file goes the usual way, in
    /// transactions short enough for the chats to carry on between them.
    /// </summary>
    public long DeferIndexesFromBytes { get; init; } = 16L << 20;

    /// <summary>When set (tests): defer the indexes exactly when the table's highest record id is at most this, whatever the file's size.</summary>
    internal long? DeferIndexesUpTo { get; init; }

    /// <summary>Rejected rows kept for the report (all are counted).</summary>
    public int MaxProblemsKept { get; init; } = 100;

    /// <exception cref="ImportException">The file cannot be read or its header is wrong; nothing is imported.</exception>
    public Task<RecordsImportResult> ImportAsync(string path, CancellationToken ct) => ImportAsync(path, CsvEncoding.Utf8, ct);

    /// <exception cref="ImportException">The file cannot be read, is not in <paramref name="encoding"/>, or its header is wrong; nothing is imported.</exception>
    public Task<RecordsImportResult> ImportAsync(string path, CsvEncoding encoding, CancellationToken ct) =>
        // The writing is synchronous; a thread of its own keeps it off the caller's.
        Task.Factory.StartNew(() => Import(path, encoding, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private RecordsImportResult Import(string path, CsvEncoding encoding, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var csv = CsvSource.Open(path, encoding);
        var questionnaire = questionnaires.All.FirstOrDefault(q => q.Kind == RecordKind.Umkm)
            ?? throw new ImportException("no UMKM questionnaire is loaded: its rules are the import's rules");
        var columns = UmkmRowReader.CheckHeader(csv.Header, questionnaire);
        var now = clock.GetUtcNow();
        var table = new EntityTable<UmkmRecord>(db.Model);
        var newRecords = new NewUmkmRecords(table, now, db.Protection, utf8: db.Database.GetDbConnection() is not Npgsql.NpgsqlConnection);
        var cache = new AnswerCache();

        // Chunks go to the validators and, in file order, to the writer; both queues are short, so rows
        // in flight stay few and die young (cheap for the garbage collector).
        // The writer is the slower side, so the queue in front of it is always full: what it holds is what
        // outlives a young-generation collection. A few hundred rows stay cheap; thousands got promoted to the
        // oldest generation and cost more in collections than the writing itself.
        var capacity = Environment.ProcessorCount + 1;
        using var work = new BlockingCollection<Chunk>(capacity);
        using var ordered = new BlockingCollection<Chunk>(capacity);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var problems = new List<RowProblem>();
        int read = 0, rejected = 0;
        // A row of a real file is 200–400 bytes: this errs towards fewer rows, so towards the usual path.
        var fileBytes = new FileInfo(path).Length;
        var expectedRows = fileBytes / BytesPerRow;
        using var writer = new BulkUmkmWriter(db.Database.GetConnectionString()!, db.Model, db.Protection, table, now, BatchSize,
            DeferIndexesUpTo ?? (fileBytes >= DeferIndexesFromBytes ? 0 : -1), expectedRows);
        // Started once the writer is there, and always stopped and joined below before the queues they use are
        // disposed: a thread left running met its disposed queue, an unhandled exception that ended the process.
        var threads = new List<Thread>();
        try
        {
            threads.Add(Start("import reader", () => ReadChunks(csv, work, ordered, stop.Token)));
            for (var i = 0; i < Math.Max(1, Environment.ProcessorCount); i++)
            {
                threads.Add(Start("import validator", () => Validate(work, columns, questionnaire, newRecords, cache, stop.Token)));
            }

            foreach (var chunk in ordered.GetConsumingEnumerable(stop.Token))
            {
                foreach (var outcome in chunk.Wait(stop.Token))
                {
                    read++;
                    if (outcome.Row is { } row)
                    {
                        if (writer.Write(row) is { } refused && ++rejected <= MaxProblemsKept)
                        {
                            problems.Add(refused);
                        }
                    }
                    else if (++rejected <= MaxProblemsKept)
                    {
                        problems.Add(outcome.Problem!);
                    }
                }
            }

            writer.Commit();
        }
        finally
        {
            stop.Cancel();
            threads.ForEach(t => t.Join());
        }

        ct.ThrowIfCancellationRequested();
        return new RecordsImportResult(read, writer.Added, writer.Updated, writer.Unchanged, rejected, problems, watch.Elapsed)
        {
            IndexesDeferred = writer.DefersIndexes,
            IndexRebuild = writer.IndexRebuild,
            Committing = writer.Committing,
        };
    }

    private static Thread Start(string name, Action body)
    {
        var thread = new Thread(() => body()) { Name = name, IsBackground = true };
        thread.Start();
        return thread;
    }

    private static void ReadChunks(CsvSource csv, BlockingCollection<Chunk> work, BlockingCollection<Chunk> ordered, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var chunk = new Chunk(ChunkSize);
                while (chunk.Records.Count < ChunkSize && csv.Read(out var fields, out var line))
                {
                    chunk.Records.Add((fields, line));
                }

                if (chunk.Records.Count == 0)
                {
                    break;
                }

                ordered.Add(chunk, ct);
                work.Add(chunk, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // A file that breaks mid-way (I/O error) ends the import with that reason.
            var failed = new Chunk(0);
            failed.Fail(e);
            ordered.TryAdd(failed);
        }
        finally
        {
            ordered.CompleteAdding();
            work.CompleteAdding();
        }
    }

    private void Validate(BlockingCollection<Chunk> work, IReadOnlyList<string> columns, Questionnaire questionnaire, NewUmkmRecords newRecords,
        AnswerCache cache, CancellationToken ct)
    {
        var reader = new UmkmRowReader(columns, questionnaire, regions, newRecords, newRecords.Now, cache);
        try
        {
            foreach (var chunk in work.GetConsumingEnumerable(ct))
            {
                try
                {
                    var outcomes = new Outcome[chunk.Records.Count];
                    for (var i = 0; i < outcomes.Length; i++)
                    {
                        var (fields, line) = chunk.Records[i];
                        var row = reader.Read(fields, line, out var reason);
                        outcomes[i] = row is null ? new Outcome(null, new RowProblem(line, reason!)) : new Outcome(row, null);
                    }

                    // The raw cells are done with: only what the writer needs stays alive until it gets there.
                    chunk.Records.Clear();
                    chunk.Complete(outcomes);
                }
                catch (Exception e)
                {
                    chunk.Fail(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private readonly record struct Outcome(UmkmImportRow? Row, RowProblem? Problem);

    /// <summary>Rows read together, validated on some thread, written in their turn.</summary>
    private sealed class Chunk(int size)
    {
        private readonly ManualResetEventSlim _done = new();
        private Outcome[] _outcomes = [];
        private Exception? _error;

        public List<(string[] Fields, int Line)> Records { get; } = new(size);

        public void Complete(Outcome[] outcomes)
        {
            _outcomes = outcomes;
            _done.Set();
        }

        public void Fail(Exception error)
        {
            _error = error;
            _done.Set();
        }

        public Outcome[] Wait(CancellationToken ct)
        {
            _done.Wait(ct);
            _done.Dispose();
            return _error is null ? _outcomes : throw new ImportException($"import stopped: {_error.Message}");
        }
    }
}
