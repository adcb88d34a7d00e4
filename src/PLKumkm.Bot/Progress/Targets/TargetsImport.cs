using PLKumkm.Bot.Importing;

namespace PLKumkm.Bot.Progress.Targets;

/// <summary><c>targets import FILE.csv</c>: rejected rows one per line, then a one-line summary.</summary>
internal static class TargetsImport
{
    public static Task RunAsync(IServiceProvider services, string file, TextWriter output, CancellationToken ct) =>
        RunAsync(services, file, CsvEncoding.Utf8, output, ct);

    public static async Task RunAsync(IServiceProvider services, string file, CsvEncoding encoding, TextWriter output, CancellationToken ct)
    {
        var result = await services.GetRequiredService<TargetsImporter>().ImportAsync(file, encoding, ct);
        foreach (var problem in result.Problems)
        {
            await output.WriteLineAsync(problem.ToString());
        }

        await output.WriteLineAsync(result.Summary);
    }
}
