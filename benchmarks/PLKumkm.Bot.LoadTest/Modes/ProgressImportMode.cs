using System.Diagnostics;

namespace PLKumkm.Bot.LoadTest.Modes;

/// <summary>
/// The progress-answer and import figures come from the other benchmark program (benchmarks/PLKumkm.Bot.Benchmarks);
/// <c>all --with-progress</c> runs it as a child process with its output passed through.
/// </summary>
internal static class ProgressImportMode
{
    public const string Command = "dotnet run -c Release --project benchmarks/PLKumkm.Bot.Benchmarks -- all";

    public static async Task<bool> RunAsync(CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine("== progress answers at 1M/10M records and records import (benchmarks/PLKumkm.Bot.Benchmarks)");
        var dll = Find();
        if (dll is null)
        {
            Console.WriteLine($"  not built here; run: {Command}");
            return false;
        }

        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("all");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the benchmarks");
        process.OutputDataReceived += (_, e) => Print(e.Data);
        process.ErrorDataReceived += (_, e) => Print(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode == 0;
    }

    private static void Print(string? line)
    {
        if (line is not null)
        {
            Console.WriteLine("  " + line);
        }
    }

    private static string? Find()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Debug"
            : "Release";
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var dll = Path.Combine(folder.FullName, "benchmarks", "PLKumkm.Bot.Benchmarks", "bin", configuration, "net10.0", "PLKumkm.Bot.Benchmarks.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        return null;
    }
}
