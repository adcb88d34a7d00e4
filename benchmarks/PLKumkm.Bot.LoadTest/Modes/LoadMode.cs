using System.Diagnostics;
using PLKumkm.Bot.LoadTest.Checks;
using PLKumkm.Bot.LoadTest.Simulation;
using PLKumkm.Bot.LoadTest.Targets;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.LoadTest.Modes;

/// <summary>Throughput and latency of the real bot (closed and open loop) and of the bare echo bot.</summary>
internal static class LoadMode
{
    public const long FirstChat = 1_000_000;

    public static async Task RunBotAsync(LoadOptions o, Figures figures, CheckResults checks, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"== load: the real bot, {o.Users:N0} users ({o.EnumeratorShare:P0} enumerators sending quick entries, {o.OfficialShare:P0} officials asking progress, {o.VisitorShare:P0} asking for help, the rest owners in the questionnaire)");
        await using var fake = await FakeBotApi.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        fake.RecordHistory = false;
        fake.KeepSent = false;
        using var workspace = new Workspace { Keep = o.Keep };
        var calibration = await Calibration.RunAsync(ct).ConfigureAwait(false);
        var driver = new Driver(fake, FirstChat, o.Users, Driver.Mix(o.VisitorShare, o.EnumeratorShare, o.OfficialShare))
        {
            StepReplies = calibration.RepliesForPendingStep,
        };
        WindowResult closed;
        OpenLoopResult? open = null;
        bool idle;
        long peakWorkingSet, peakHeap;
        var allocatedBefore = 0L;
        var cpuBefore = TimeSpan.Zero;
        TimeSpan cpu;
        long allocated;
        await using (var bot = await InProcessBot.StartAsync(fake, workspace, ct).ConfigureAwait(false))
        {
            await StaffSeeder.AddEnumeratorsAsync(bot.Services, driver.Users, ct).ConfigureAwait(false);
            var memory = new MemorySampler();
            await using (memory.ConfigureAwait(false))
            {
                driver.StartClosedLoop();
                await Task.Delay(TimeSpan.FromSeconds(o.Warmup), ct).ConfigureAwait(false);
                allocatedBefore = GC.GetTotalAllocatedBytes();
                cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                closed = await driver.MeasureAsync(TimeSpan.FromSeconds(o.Duration), ct).ConfigureAwait(false);
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
                Console.WriteLine(FormattableString.Invariant(
                    $"  closed loop: {closed.PerSecond:N0} updates/s end to end ({closed.Answered:N0} answered in {closed.Elapsed.TotalSeconds:0.0} s)"));
                Console.WriteLine($"  update-to-reply: {closed.Latency}");
                figures.BotRate = closed.PerSecond;

                if (o.OpenDuration > 0 && o.Rate > 0)
                {
                    driver.Pause();
                    await driver.WaitIdleAsync(TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
                    open = await driver.RunOpenLoopAsync(o.Rate, TimeSpan.FromSeconds(o.OpenDuration), ct).ConfigureAwait(false);
                    Console.WriteLine(FormattableString.Invariant(
                        $"  open loop at {o.Rate:N0} updates/s: {open.PerSecond:N0} updates/s sent for {open.Elapsed.TotalSeconds:0.0} s{(open.Starved > 0 ? $" ({open.Starved:N0} slots with no idle user)" : "")}"));
                    Console.WriteLine($"  update-to-reply: {open.Latency}");
                    figures.OpenRate = open.PerSecond;
                    figures.OpenP99 = open.Latency.P99;
                }

                driver.Stop();
                idle = await driver.WaitIdleAsync(TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
                peakWorkingSet = memory.PeakWorkingSet;
                peakHeap = memory.PeakHeap;
            }
        }

        Console.WriteLine($"  peak memory: working set {Figures.Mb(peakWorkingSet)} (bot + fake API + simulated users in one process), GC heap {Figures.Mb(peakHeap)}");
        Console.WriteLine(FormattableString.Invariant(
            $"  per answered update in the closed loop (whole process: bot, fake API, users): {cpu.TotalMilliseconds * 1000 / Math.Max(1, closed.Answered):0} µs CPU, {allocated / Math.Max(1, closed.Answered) / 1024.0:0.0} KB allocated; {cpu.TotalSeconds / closed.Elapsed.TotalSeconds:0.00} cores busy"));
        Console.WriteLine($"  database: {Figures.Mb(workspace.DatabaseBytes)} after {driver.Sent:N0} updates, {driver.Registrations:N0} records (registrations and quick entries)");

        using var db = workspace.OpenReadOnly();
        checks.Expect("load: every update answered", idle ? [] : driver.Unanswered());
        var processed = DbChecks.Count(db, "SELECT COUNT(*) FROM inbound_updates");
        checks.Add("load: every update processed exactly once", processed == driver.Sent, $"{processed:N0} idempotency keys for {driver.Sent:N0} updates");
        checks.Expect("load: no business stored twice", DbChecks.DuplicateBusinesses(db));
        checks.Expect("load: every registration stored with all its answers", DbChecks.WrongRecords(db, driver.Users), $"{driver.Registrations:N0} records");
        checks.Add("load: no apology (no update failed)", driver.Apologies == 0, $"{driver.Apologies}");
        checks.Add("load: every submission answered with its number", driver.ExpectFailures == 0, $"{driver.ExpectFailures} missing");
    }

    public static async Task RunEchoAsync(LoadOptions o, Figures figures, CheckResults checks, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"== echo: bare echo bot (same client library and fake, no logic, no storage), {o.Users:N0} users");
        await using var fake = await FakeBotApi.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        fake.RecordHistory = false;
        fake.KeepSent = false;
        var driver = new Driver(fake, FirstChat, o.Users, Driver.Mix(o.VisitorShare, o.EnumeratorShare, o.OfficialShare));
        WindowResult closed;
        TimeSpan cpu;
        bool idle;
        await using (EchoBot.Start(fake.Token, fake.BaseUrl))
        {
            driver.StartClosedLoop();
            await Task.Delay(TimeSpan.FromSeconds(o.Warmup), ct).ConfigureAwait(false);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            closed = await driver.MeasureAsync(TimeSpan.FromSeconds(o.Duration), ct).ConfigureAwait(false);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            driver.Stop();
            idle = await driver.WaitIdleAsync(TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        }

        Console.WriteLine(FormattableString.Invariant(
            $"  closed loop: {closed.PerSecond:N0} updates/s end to end ({closed.Answered:N0} answered in {closed.Elapsed.TotalSeconds:0.0} s)"));
        Console.WriteLine($"  update-to-reply: {closed.Latency}");
        Console.WriteLine(FormattableString.Invariant(
            $"  per answered update (whole process): {cpu.TotalMilliseconds * 1000 / Math.Max(1, closed.Answered):0} µs CPU; {cpu.TotalSeconds / closed.Elapsed.TotalSeconds:0.00} cores busy"));
        figures.EchoRate = closed.PerSecond;
        if (figures.BotRate is { } bot && closed.PerSecond > 0)
        {
            Console.WriteLine(FormattableString.Invariant($"  ratio bot / echo: {bot / closed.PerSecond:0.00}"));
        }

        checks.Expect("echo: every update answered", idle ? [] : driver.Unanswered());
    }
}
