using System.Diagnostics;

namespace PLKumkm.Bot.Tests.Benchmarks;

/// <summary>
/// Keeps the load, fault and scale benchmark (benchmarks/PLKumkm.Bot.LoadTest) working: each mode runs for a few
/// seconds with tiny numbers and must pass its correctness checks. No speed is asserted here.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Slow)]
public sealed class LoadTestSmokeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Load_mode_drives_the_real_bot_and_the_echo_bot_and_every_update_is_answered_once()
    {
        var (exit, output) = await RunAsync("load", "--smoke");

        Assert.True(exit == 0, output);
        Assert.Contains("[ok] load: enough updates sent to mean something", output, StringComparison.Ordinal);
        Assert.Contains("[ok] echo: enough updates sent to mean something", output, StringComparison.Ordinal);
        Assert.Contains("[ok] load: every update answered", output, StringComparison.Ordinal);
        Assert.Contains("[ok] load: every update processed exactly once", output, StringComparison.Ordinal);
        Assert.Contains("[ok] echo: every update answered", output, StringComparison.Ordinal);
        Assert.Contains("ratio bot / echo", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fault_mode_kills_the_bot_process_and_finds_nothing_lost_or_duplicated()
    {
        var (exit, output) = await RunAsync("fault", "--smoke");

        Assert.True(exit == 0, output);
        Assert.Contains("lost = 0, duplicated = 0", output, StringComparison.Ordinal);
        Assert.Contains("[ok] fault: every kill interrupted work in flight", output, StringComparison.Ordinal);
        Assert.Contains("kills: t=", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Postgres_mode_kills_either_of_two_webhook_instances_and_the_polling_one_of_two_with_nothing_lost_or_duplicated()
    {
        PostgresServer.SkipUnlessAvailable();
        var (exit, output) = await RunAsync("postgres", "--smoke", "--postgres", PostgresServer.Admin!);

        Assert.True(exit == 0, output);
        Assert.Equal(2, output.Split("lost = 0, duplicated = 0").Length - 1);
        Assert.Contains("[ok] postgres fault (webhooks): every update eventually answered", output, StringComparison.Ordinal);
        Assert.Contains("[ok] postgres fault (webhooks): every acknowledged update has its idempotency key", output, StringComparison.Ordinal);
        Assert.Contains("[ok] postgres fault: every update eventually answered", output, StringComparison.Ordinal);
        Assert.Contains("(instance ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fault_mode_with_webhooks_kills_the_bot_process_while_posts_are_in_flight_and_finds_nothing_lost_or_duplicated()
    {
        var (exit, output) = await RunAsync("fault", "--smoke", "--webhook");

        Assert.True(exit == 0, output);
        Assert.Contains("lost = 0, duplicated = 0", output, StringComparison.Ordinal);
        Assert.Contains("[ok] fault (webhooks): every acknowledged update has its idempotency key", output, StringComparison.Ordinal);
        Assert.Contains("webhook posts: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flood_mode_posts_forged_bodies_to_the_bot_process_and_every_one_is_refused()
    {
        var (exit, output) = await RunAsync("flood", "--smoke");

        Assert.True(exit == 0, output);
        Assert.Contains("[ok] flood: every forged post refused (401, 413 or 503)", output, StringComparison.Ordinal);
        Assert.Contains("bot process memory:", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(LoadTestDll());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"load test {string.Join(' ', args)} ran longer than {Limit}: {await stdout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The benchmark built in the same configuration as these tests (the test project depends on it).</summary>
    private static string LoadTestDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var dll = Path.Combine(folder.FullName, "benchmarks", "PLKumkm.Bot.LoadTest", "bin", configuration, "net10.0", "PLKumkm.Bot.LoadTest.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        throw new FileNotFoundException("PLKumkm.Bot.LoadTest.dll not found; build PLKumkm.Bot.sln first");
    }
}
