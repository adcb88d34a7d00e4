using System.Diagnostics;
using PLKumkm.Bot.LoadTest.Checks;
using PLKumkm.Bot.LoadTest.Simulation;
using PLKumkm.Bot.LoadTest.Targets;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.LoadTest.Modes;

/// <summary>
/// The bot as a separate process under load, killed hard at random moments and restarted. Afterwards the database
/// (opened read-only) must hold every acknowledged update's effect exactly once and every reply must have arrived.
/// </summary>
internal static class FaultMode
{
    public static async Task RunAsync(LoadOptions o, Figures figures, CheckResults checks, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"== fault: bot process killed hard {o.Kills} times under load ({o.FaultUsers:N0} users, {o.FaultDuration:0} s)");
        var dll = BotLocator.Find(o.BotDll);
        var calibration = await Calibration.RunAsync(ct).ConfigureAwait(false);
        Console.WriteLine($"  calibration: {calibration}");

        await using var fake = await FakeBotApi.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        fake.RecordHistory = false;
        using var workspace = new Workspace { Keep = o.Keep };
        var args = InProcessBot.BotArgs(fake, workspace);
        var stepLog = new System.Collections.Concurrent.ConcurrentQueue<(long Chat, int Registration, int Step, int Replies)>();
        var driver = new Driver(fake, LoadMode.FirstChat, o.FaultUsers, Driver.Mix(o.VisitorShare, o.EnumeratorShare, o.OfficialShare))
        {
            StepLog = stepLog,
            StepReplies = calibration.RepliesForPendingStep,
        };
        var random = new Random(42);
        await StaffSeeder.AddEnumeratorsAsync(workspace.DatabasePath, driver.Users, ct).ConfigureAwait(false);
        var bot = BotProcess.Start(dll, args, workspace.Folder);
        var kills = new List<string>();
        var killsWithoutWork = 0;
        bool idle;
        try
        {
            driver.StartClosedLoop();
            var started = Stopwatch.StartNew();
            var spacing = o.FaultDuration / (o.Kills + 1);
            for (var k = 0; k < o.Kills; k++)
            {
                // Random moments, but each only once the (re)started bot is answering again, so every kill hits work.
                var answeredAtStart = driver.Answered;
                var busy = Stopwatch.StartNew();
                while (driver.Answered < answeredAtStart + 20 && busy.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(50, ct).ConfigureAwait(false);
                }

                var wait = spacing * random.NextDouble();
                await Task.Delay(TimeSpan.FromSeconds(wait), ct).ConfigureAwait(false);
                var answeredBefore = driver.Answered;
                // Updates sent and not yet answered: the work the kill interrupts.
                var inFlight = driver.Sent - answeredBefore;
                bot.Kill();
                killsWithoutWork += inFlight > 0 ? 0 : 1;
                kills.Add($"t={started.Elapsed.TotalSeconds:0.0}s after {answeredBefore:N0} answers, {inFlight:N0} in flight");
                bot.Dispose();
                await Task.Delay(random.Next(0, 300), ct).ConfigureAwait(false);
                bot = BotProcess.Start(dll, args, workspace.Folder);
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, spacing / 2)), ct).ConfigureAwait(false);
            driver.FinishRegistrations();
            idle = await driver.WaitIdleAsync(TimeSpan.FromSeconds(o.Smoke ? 60 : 180), ct).ConfigureAwait(false);
            await bot.StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }
        finally
        {
            if (!bot.HasExited)
            {
                Console.WriteLine("  last bot output:\n" + bot.Tail);
            }

            bot.Dispose();
        }

        Console.WriteLine($"  kills: {string.Join("; ", kills)}");
        checks.Add("fault: every kill interrupted work in flight", kills.Count == o.Kills && killsWithoutWork == 0,
            $"{kills.Count} kills, {killsWithoutWork} with nothing in flight");
        Console.WriteLine($"  {driver.Sent:N0} updates sent, {driver.Answered:N0} answered, {driver.Registrations:N0} records (registrations and quick entries)");

        using var db = workspace.OpenReadOnly();
        var lost = new List<string>();
        var duplicated = new List<string>();
        var unanswered = idle ? [] : driver.Unanswered();
        lost.AddRange(unanswered);
        checks.Expect("fault: every update eventually answered", unanswered);

        var confirmed = fake.ConfirmedOffset ?? 0;
        var acknowledged = Enumerable.Range(100, Math.Max(0, confirmed - 100));
        var missing = DbChecks.MissingUpdateKeys(db, acknowledged);
        lost.AddRange(missing);
        checks.Expect("fault: every acknowledged update has its idempotency key", missing, $"{confirmed - 100:N0} acknowledged");

        var doubles = DbChecks.DuplicateBusinesses(db);
        duplicated.AddRange(doubles);
        checks.Expect("fault: no business stored twice", doubles);

        var wrong = DbChecks.WrongRecords(db, driver.Users);
        lost.AddRange(wrong);
        checks.Expect("fault: every completed registration stored once with all its answers", wrong, $"{driver.Registrations:N0} records");

        var unsent = DbChecks.Count(db, "SELECT COUNT(*) FROM outbox WHERE SentAt IS NULL");
        checks.Add("fault: outbox fully delivered after the restarts", unsent == 0, $"{unsent} unsent");

        var committed = DbChecks.OutboxByChat(db);
        var counts = ReplyCounts.Mismatches(calibration, driver.Users, committed);
        checks.Expect("fault: each chat's committed replies match its answered steps (nothing applied twice or lost)", counts);
        foreach (var chat in counts.Take(3).Select(c => long.Parse(c.Split(' ', ':')[1], System.Globalization.CultureInfo.InvariantCulture)))
        {
            Console.WriteLine($"    chat {chat}: {calibration.Differences(chat, stepLog)}; last replies: {string.Join(" | ", (committed.GetValueOrDefault(chat) ?? []).TakeLast(4).Select(t => (t.Length > 60 ? t[..60] : t).ReplaceLineEndings(" ")))}");
        }
        foreach (var problem in counts)
        {
            (problem.Contains(ReplyCounts.TooMany, StringComparison.Ordinal) ? duplicated : lost).Add(problem);
        }

        var delivery = DeliveryCheck.Compare(committed, fake, driver.Users.Select(u => u.Chat));
        lost.AddRange(delivery.Problems);
        checks.Expect("fault: every reply received is a committed reply, in order", delivery.Problems,
            $"{delivery.Delivered:N0} delivered, {delivery.Resent:N0} re-sent after a kill (sent but not yet marked sent)");

        figures.Kills = kills.Count;
        figures.FaultLost = lost.Count;
        figures.FaultDuplicated = duplicated.Count;
        Console.WriteLine($"  lost = {lost.Count}, duplicated = {duplicated.Count}");
    }
}
