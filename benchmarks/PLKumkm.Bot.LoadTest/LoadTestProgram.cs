using System.Diagnostics;
using PLKumkm.Bot.LoadTest.Checks;
using PLKumkm.Bot.LoadTest.Modes;

namespace PLKumkm.Bot.LoadTest;

internal static class LoadTestProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is [Targets.EchoBot.Mode, var token, var baseUrl])
        {
            return await Targets.EchoBot.RunAsProcessAsync(token, baseUrl).ConfigureAwait(false);
        }

        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync(LoadOptions.Usage).ConfigureAwait(false);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        Console.WriteLine($"PL-KUMKM Bot load test: {options.Mode}{(options.Smoke ? " (smoke)" : "")}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load average {LoadAverage()}");
        var figures = new Figures();
        var checks = new CheckResults();
        var total = Stopwatch.StartNew();
        try
        {
            await RunModeAsync(options, figures, checks, cancel.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            checks.Add($"{options.Mode} ran to the end", false, e.ToString());
        }

        figures.PrintGoals();
        Console.WriteLine();
        Console.WriteLine($"finished in {total.Elapsed.TotalSeconds:0} s; load average now {LoadAverage()}");
        if (!checks.AllPassed)
        {
            Console.WriteLine($"CORRECTNESS CHECKS FAILED: {string.Join(", ", checks.Failures)}");
            return 1;
        }

        Console.WriteLine("all correctness checks passed");
        return 0;
    }

    private static async Task RunModeAsync(LoadOptions o, Figures figures, CheckResults checks, CancellationToken ct)
    {
        switch (o.Mode)
        {
            case "pipeline":
                await PipelineMode.RunAsync(o, ct).ConfigureAwait(false);
                break;

            case "load":
                var server = !o.OnPostgres ? null
                    : o.Postgres ?? throw new ArgumentException("--on-postgres needs --postgres CONN (or PLKUMKM_TEST_POSTGRES)");
                if (o.Instances > 1 && server is null)
                {
                    throw new ArgumentException("--instances needs --on-postgres: several bot processes share one PostgreSQL database");
                }

                await LoadMode.RunBotAsync(o, figures, checks, ct, server, o.Delivery, o.Instances).ConfigureAwait(false);
                if (!o.NoEcho)
                {
                    await LoadMode.RunEchoAsync(o, figures, checks, ct).ConfigureAwait(false);
                }

                break;
            case "echo":
                await LoadMode.RunEchoAsync(o, figures, checks, ct).ConfigureAwait(false);
                break;
            case "memory":
                await MemoryMode.RunAsync(o, figures, checks, ct).ConfigureAwait(false);
                break;
            case "postgres":
                var admin = o.Postgres ?? throw new ArgumentException("the postgres mode needs --postgres CONN (or PLKUMKM_TEST_POSTGRES): an admin connection string");
                if (!o.Smoke)
                {
                    // The same closed and open loop on both providers and on one and two instances in one run.
                    await LoadMode.RunBotAsync(o, figures, checks, ct).ConfigureAwait(false);
                    await LoadMode.RunBotAsync(o, figures, checks, ct, delivery: Targets.Delivery.Webhook).ConfigureAwait(false);
                    await LoadMode.RunBotAsync(o, figures, checks, ct, admin).ConfigureAwait(false);
                    await LoadMode.RunBotAsync(o, figures, checks, ct, admin, Targets.Delivery.Webhook).ConfigureAwait(false);
                    await LoadMode.RunBotAsync(o, figures, checks, ct, admin, Targets.Delivery.Webhook, instances: 2).ConfigureAwait(false);
                    if (!o.NoEcho)
                    {
                        // The yardstick for every run above, on the machine as it is now.
                        await LoadMode.RunEchoAsync(o, figures, checks, ct).ConfigureAwait(false);
                    }
                }

                // Webhooks spread over two instances (both busy, either killed), then long polling (one busy, the
                // leader killed).
                await FaultMode.RunAsync(o, figures, checks, ct, admin, Targets.Delivery.Webhook).ConfigureAwait(false);
                await FaultMode.RunAsync(o, figures, checks, ct, admin).ConfigureAwait(false);
                break;
            case "fault":
                await FaultMode.RunAsync(o, figures, checks, ct, delivery: o.Delivery).ConfigureAwait(false);
                break;
            case "throttle":
                await ThrottleMode.RunAsync(o, checks, ct).ConfigureAwait(false);
                break;
            case "flood":
                await FloodMode.RunAsync(o, checks, ct).ConfigureAwait(false);
                break;
            case "all":
                await LoadMode.RunBotAsync(o, figures, checks, ct, delivery: o.Delivery).ConfigureAwait(false);
                await LoadMode.RunEchoAsync(o, figures, checks, ct).ConfigureAwait(false);
                await MemoryMode.RunAsync(o, figures, checks, ct).ConfigureAwait(false);
                await FaultMode.RunAsync(o, figures, checks, ct, delivery: o.Delivery).ConfigureAwait(false);
                await ThrottleMode.RunAsync(o, checks, ct).ConfigureAwait(false);
                await FloodMode.RunAsync(o, checks, ct).ConfigureAwait(false);
                if (o.WithProgress)
                {
                    checks.Add("progress and import benchmark ran", await ProgressImportMode.RunAsync(ct).ConfigureAwait(false));
                }
                else
                {
                    Console.WriteLine();
                    Console.WriteLine($"progress answers at 1M/10M records and records import rows/s: {ProgressImportMode.Command} (or add --with-progress)");
                }

                break;
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
