using System.Diagnostics;

namespace PLKumkm.Bot.Tests.Hosting;

/// <summary>
/// Runs the bot exactly as the README tells an operator to (<c>dotnet run --project src/PLKumkm.Bot -- …</c>), in a
/// chosen working folder, on the build the tests already made (<c>--no-build</c>).
/// </summary>
internal static class BotProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    public static async Task<Outcome> DotnetRunAsync(string workingFolder, string? input, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["run", "--no-build", "-c", Configuration, "--project", Path.Combine(RepositoryRoot, "src", "PLKumkm.Bot"), "--", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        // The test runner's own MSBuild settings must not leak into the child's evaluation of the project.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        // No channel from the machine's environment: the tests choose.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("WhatsApp__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet run {string.Join(' ', args)} ran longer than {Limit}: {await stdout}");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PLKumkm.Bot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PLKumkm.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
