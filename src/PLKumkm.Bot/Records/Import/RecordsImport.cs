using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Importing;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// <c>records import FILE.csv</c>: the first rejected rows one per line (and how many more), then a
/// one-line summary. Exit 0 when the file was read and at least one row kept. A header with <c>nama_koperasi</c>
/// (and no UMKM columns) is a file of cooperatives (<see cref="KoperasiImporter"/>); any other, of UMKM (<see cref="RecordsImporter"/>).
/// </summary>
internal static class RecordsImport
{
    public static Task RunAsync(IServiceProvider services, string file, TextWriter output, CancellationToken ct) =>
        RunAsync(services, file, CsvEncoding.Utf8, output, ct);

    public static async Task RunAsync(IServiceProvider services, string file, CsvEncoding encoding, TextWriter output, CancellationToken ct)
    {
        var koperasi = KoperasiImporter.IsKoperasiHeader(CsvSource.ReadHeader(file, encoding), services.GetRequiredService<QuestionnaireCatalog>());
        var result = koperasi
            ? await services.GetRequiredService<KoperasiImporter>().ImportAsync(file, encoding, ct)
            : await services.GetRequiredService<RecordsImporter>().ImportAsync(file, encoding, ct);
        foreach (var problem in result.Problems)
        {
            await output.WriteLineAsync(problem.ToString());
        }

        if (result.Rejected > result.Problems.Count)
        {
            await output.WriteLineAsync($"... and {result.Rejected - result.Problems.Count} more rejected rows");
        }

        await output.WriteLineAsync(result.Summary);
        if (result.Added + result.Updated + result.Unchanged == 0)
        {
            throw new ImportException(result.Read == 0 ? $"{file} has no rows under its header" : $"no valid row in {file} ({result.Rejected} rejected)");
        }
    }
}
