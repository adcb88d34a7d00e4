namespace PLKumkm.Bot.Progress.Targets;

/// <summary><c>targets import FILE.csv</c>: rejected rows one per line, then a one-line summary.</summary>
internal static class TargetsImport
{
    public static async Task RunAsync(IServiceProvider services, string file, TextWriter output, CancellationToken ct)
    {
        var result = await services.GetRequiredService<TargetsImporter>().ImportAsync(file, ct);
        foreach (var problem in result.Problems)
        {
            await output.WriteLineAsync(problem.ToString());
        }

        await output.WriteLineAsync(result.Summary);
    }
}
