using System.Globalization;
using System.Runtime.InteropServices;
using PLKumkm.Bot.Benchmarks;

// dotnet run -c Release --project benchmarks/PLKumkm.Bot.Benchmarks -- progress|import|import-parts|all [--records N] [--answers N]
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
long? records = Option("--records") is { } r ? long.Parse(r, CultureInfo.InvariantCulture) : null;
var answers = Option("--answers") is { } a ? int.Parse(a, CultureInfo.InvariantCulture) : 5_000;
if (what == "import-parts")
{
    await ImportPartsBenchmark.RunAsync(records ?? 200_000, Console.Out);
    return 0;
}

if (what is not ("progress" or "import" or "all"))
{
    Console.Error.WriteLine("error: usage: progress|import|import-parts|all [--records N] [--answers N]");
    return 2;
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
if (what is "import" or "all")
{
    var figures = await ImportBenchmark.RunAsync(records ?? 1_000_000, Console.Out);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"import: {figures.Rows:N0} rows, {figures.RowsPerSecond:N0} rows/s first time, {figures.AgainRowsPerSecond:N0} rows/s again (nothing added), peak working set {figures.PeakWorkingSetBytes / 1e6:N0} MB"));
}

if (what is "progress" or "all")
{
    IReadOnlyList<long> sizes = records is { } n ? [n] : [1_000_000, 10_000_000];
    await ProgressBenchmark.RunAsync(sizes, answers, Console.Out);
}

return 0;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
