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

    /// <param name="postgres">An admin connection string: the same run with the bot's database on PostgreSQL.</param>
    /// <param name="delivery">Long polling, or webhooks posted by the fake (spread over the instances).</param>
    /// <param name="instances">Bot processes on the one database (more than one only on PostgreSQL).</param>
    public static async Task RunBotAsync(LoadOptions o, Figures figures, CheckResults checks, CancellationToken ct,
        string? postgres = null, Delivery delivery = Delivery.Polling, int instances = 1)
    {
        var name = (postgres is null ? "load" : "load on PostgreSQL")
            + (delivery == Delivery.Webhook ? $", webhooks{(instances > 1 ? $" over {instances} instances" : "")}" : "");
        Console.WriteLine();
        Console.WriteLine($"== {name}: the real bot in its own process{(instances > 1 ? "es" : "")}, {o.Users:N0} users ({o.EnumeratorShare:P0} enumerators sending quick entries, {o.OfficialShare:P0} officials asking progress, {o.VisitorShare:P0} asking for help, the rest owners in the questionnaire)");
        var dll = BotLocator.Find(o.BotDll);
        await using var fake = await FakeBotApi.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        fake.RecordHistory = false;
        fake.KeepSent = false;
        using var workspace = new Workspace(postgres) { Keep = o.Keep };
        var calibration = await Calibration.RunAsync(ct).ConfigureAwait(false);
        var driver = new Driver(fake, FirstChat, o.Users, Driver.Mix(o.VisitorShare, o.EnumeratorShare, o.OfficialShare))
        {
            StepReplies = calibration.RepliesForPendingStep,
        };
        await StaffSeeder.AddEnumeratorsAsync(workspace, driver.Users, ct).ConfigureAwait(false);
        var (closed, open, cost, idle, peak, cpu) = await MeasureAsync(
            o, driver, BotFleet.Start(dll, fake, workspace, delivery, instances), withOpenLoop: true, ct).ConfigureAwait(false);
        figures.Runs.Add((name, closed.PerSecond, cpu));
        if (postgres is null && delivery == Delivery.Polling)
        {
            figures.BotRate = closed.PerSecond;
            if (open is not null)
            {
                figures.OpenRate = open.PerSecond;
                figures.OpenP99 = open.Latency.P99;
            }
        }

        Console.WriteLine($"  peak memory of {(instances > 1 ? "the largest bot process" : "the bot process")}: {Figures.Mb(peak)} (resident set, VmHWM)");
        Console.WriteLine(cost);
        Console.WriteLine($"  database: {Figures.Mb(workspace.DatabaseBytes)} after {driver.Sent:N0} updates, {driver.Registrations:N0} records (registrations and quick entries)");

        using var db = workspace.OpenReadOnly();
        // A run that sent (almost) nothing would pass every other check: it must have done real work.
        var minimum = o.Smoke ? 100 : 10_000;
        checks.Add($"{name}: enough updates sent to mean something", driver.Sent >= minimum, $"{driver.Sent:N0} sent, at least {minimum:N0} needed");
        checks.Expect($"{name}: every update answered", idle ? [] : driver.Unanswered());
        var processed = DbChecks.Count(db, "SELECT COUNT(*) FROM inbound_updates");
        checks.Add($"{name}: every update processed exactly once", processed == driver.Sent, $"{processed:N0} idempotency keys for {driver.Sent:N0} updates");
        checks.Expect($"{name}: no business stored twice", DbChecks.DuplicateBusinesses(db));
        checks.Expect($"{name}: every registration stored with all its answers", DbChecks.WrongRecords(db, driver.Users), $"{driver.Registrations:N0} records");
        checks.Add($"{name}: no apology (no update failed)", driver.Apologies == 0, $"{driver.Apologies}");
        checks.Add($"{name}: every submission answered with its number", driver.ExpectFailures == 0, $"{driver.ExpectFailures} missing");
    }

    public static async Task RunEchoAsync(LoadOptions o, Figures figures, CheckResults checks, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"== echo: bare echo bot in its own process (same client library and fake, no logic, no storage), {o.Users:N0} users");
        await using var fake = await FakeBotApi.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        fake.RecordHistory = false;
        fake.KeepSent = false;
        var driver = new Driver(fake, FirstChat, o.Users, Driver.Mix(o.VisitorShare, o.EnumeratorShare, o.OfficialShare));
        var echo = BotFleet.Of(BotProcess.StartDll(typeof(LoadMode).Assembly.Location, [EchoBot.Mode, fake.Token, fake.BaseUrl], AppContext.BaseDirectory));
        var (closed, _, cost, idle, _, _) = await MeasureAsync(o, driver, echo, withOpenLoop: false, ct).ConfigureAwait(false);
        Console.WriteLine(cost);
        figures.EchoRate = closed.PerSecond;
        if (figures.BotRate is { } bot && closed.PerSecond > 0)
        {
            Console.WriteLine(FormattableString.Invariant($"  ratio bot / echo: {bot / closed.PerSecond:0.00}"));
        }

        checks.Add("echo: enough updates sent to mean something", driver.Sent >= (o.Smoke ? 100 : 10_000), $"{driver.Sent:N0} sent");
        checks.Expect("echo: every update answered", idle ? [] : driver.Unanswered());
    }

    /// <summary>
    /// Warm-up, then the closed loop (and optionally the open loop) against a bot in its own process; CPU is counted
    /// for the bot's process and for this one (fake API and simulated users) apart.
    /// </summary>
    private static async Task<(WindowResult Closed, OpenLoopResult? Open, string Cost, bool Idle, long PeakRss, double BotCpu)> MeasureAsync(
        LoadOptions o, Driver driver, BotFleet bot, bool withOpenLoop, CancellationToken ct)
    {
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                bot.SampleMemory();
                await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
            }
        }, CancellationToken.None);
        try
        {
            driver.StartClosedLoop();

            // The warm-up starts once the process answers (start-up migrates the database and loads the regions).
            var starting = Stopwatch.StartNew();
            while (driver.Answered == 0 && starting.Elapsed < TimeSpan.FromSeconds(60) && !bot.AnyExited)
            {
                await Task.Delay(20, ct).ConfigureAwait(false);
            }

            // A smoke run on a busy machine (CI beside other jobs) waits for real work instead of trusting the clock:
            // the checks below need a minimum of updates sent, whatever the machine's speed.
            while (driver.Answered < o.WarmupAnswers && starting.Elapsed < TimeSpan.FromSeconds(90) && !bot.AnyExited)
            {
                await Task.Delay(20, ct).ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromSeconds(o.Warmup), ct).ConfigureAwait(false);
            var botCpu = bot.ProcessorTime;
            var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var closed = await driver.MeasureAsync(TimeSpan.FromSeconds(o.Duration), ct).ConfigureAwait(false);
            botCpu = bot.ProcessorTime - botCpu;
            ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpu;
            Console.WriteLine(FormattableString.Invariant(
                $"  closed loop: {closed.PerSecond:N0} updates/s end to end ({closed.Answered:N0} answered in {closed.Elapsed.TotalSeconds:0.0} s)"));
            Console.WriteLine($"  update-to-reply: {closed.Latency}");
            var answered = Math.Max(1, closed.Answered);
            var cost = FormattableString.Invariant(
                $"  CPU per answered update in the closed loop: bot process{(bot.Count > 1 ? "es" : "")} {botCpu.TotalMilliseconds * 1000 / answered:0} µs ({botCpu.TotalSeconds / closed.Elapsed.TotalSeconds:0.00} cores busy), fake API and simulated users {ownCpu.TotalMilliseconds * 1000 / answered:0} µs ({ownCpu.TotalSeconds / closed.Elapsed.TotalSeconds:0.00} cores)");

            OpenLoopResult? open = null;
            if (withOpenLoop && o.OpenDuration > 0 && o.Rate > 0)
            {
                driver.Pause();
                await driver.WaitIdleAsync(TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
                open = await driver.RunOpenLoopAsync(o.Rate, TimeSpan.FromSeconds(o.OpenDuration), ct).ConfigureAwait(false);
                Console.WriteLine(FormattableString.Invariant(
                    $"  open loop at {o.Rate:N0} updates/s: {open.PerSecond:N0} updates/s sent for {open.Elapsed.TotalSeconds:0.0} s{(open.Starved > 0 ? $" ({open.Starved:N0} slots with no idle user)" : "")}"));
                Console.WriteLine($"  update-to-reply: {open.Latency}");
            }

            driver.Stop();
            var idle = await driver.WaitIdleAsync(TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
            await sampling.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
            var peak = bot.PeakRss;
            await bot.StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            return (closed, open, cost, idle, peak, botCpu.TotalMilliseconds * 1000 / answered);
        }
        finally
        {
            await sampling.CancelAsync().ConfigureAwait(false);
            bot.Dispose();
        }
    }
}
