using System.Diagnostics;
using PLKumkm.Bot.LoadTest.Checks;
using PLKumkm.Bot.LoadTest.Simulation;
using PLKumkm.Bot.LoadTest.Targets;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.LoadTest.Modes;

/// <summary>
/// The bot as a separate process under load, killed hard at random moments and restarted. Afterwards the database
/// (opened read-only) must hold every acknowledged update's effect exactly once and every reply must have arrived.
/// With <c>postgres</c> (the <c>postgres</c> mode): two bot processes on one PostgreSQL database. With webhooks, the fake
/// Bot API spreads its posts over both (a load balancer) and the kills alternate between them; a post to the killed one
/// fails and is retried, and the other takes its queued work over once the claims run out. With long polling, each
/// kill hits the one that polls Telegram; the other takes over (the leader lock) while the killed one restarts.
/// </summary>
internal static class FaultMode
{
    private const string Leading = "This instance now runs telegram-polling";

    private static async Task WaitOutboxDeliveredAsync(Workspace workspace, TimeSpan limit, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            using (var db = workspace.OpenReadOnly())
            {
                if (DbChecks.Count(db, "SELECT COUNT(*) FROM outbox WHERE \"SentAt\" IS NULL AND \"FailedAt\" IS NULL") == 0)
                {
                    Console.WriteLine($"  outbox delivered {waited.Elapsed.TotalSeconds:0.0} s after the users finished");
                    return;
                }
            }

            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }

    public static async Task RunAsync(LoadOptions o, Figures figures, CheckResults checks, CancellationToken ct,
        string? postgres = null, Delivery delivery = Delivery.Polling)
    {
        var instances = postgres is null ? 1 : 2;
        var webhooks = delivery == Delivery.Webhook;
        var name = (postgres is null ? "fault" : "postgres fault") + (webhooks ? " (webhooks)" : "");
        Console.WriteLine();
        Console.WriteLine((postgres, webhooks) switch
        {
            (null, _) => $"== {name}: bot process killed hard {o.Kills} times under load ({o.FaultUsers:N0} users, {o.FaultDuration:0} s)",
            (_, true) => $"== {name}: two bot processes on one PostgreSQL, webhooks spread over both, one or the other killed hard {o.Kills} times under load ({o.FaultUsers:N0} users, {o.FaultDuration:0} s)",
            _ => $"== {name}: two bot processes on one PostgreSQL, the polling one killed hard {o.Kills} times under load ({o.FaultUsers:N0} users, {o.FaultDuration:0} s)",
        });
        var dll = BotLocator.Find(o.BotDll);
        var calibration = await Calibration.RunAsync(ct).ConfigureAwait(false);
        Console.WriteLine($"  calibration: {calibration}");

        await using var fake = await FakeBotApi.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        fake.RecordHistory = false;
        using var workspace = new Workspace(postgres) { Keep = o.Keep };
        var stepLog = new System.Collections.Concurrent.ConcurrentQueue<(long Chat, int Registration, int Step, int Replies)>();
        var driver = new Driver(fake, LoadMode.FirstChat, o.FaultUsers, Driver.Mix(o.VisitorShare, o.EnumeratorShare, o.OfficialShare))
        {
            StepLog = stepLog,
            StepReplies = calibration.RepliesForPendingStep,
        };
        var random = new Random(42);
        await StaffSeeder.AddEnumeratorsAsync(workspace, driver.Users, ct).ConfigureAwait(false);
        using var bots = BotFleet.Start(dll, fake, workspace, delivery, instances,
            postgres is null ? [] : ["--Logging:LogLevel:PLKumkm.Bot.Storage.PostgreSql.LeaderLock=Information"]);
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
                var victim = (bots.Count, webhooks) switch
                {
                    (1, _) => 0,
                    (_, true) => k % bots.Count,
                    _ => Math.Max(0, bots.Bots.ToList().FindIndex(b => b.Tail.Contains(Leading, StringComparison.Ordinal))),
                };
                killsWithoutWork += inFlight > 0 ? 0 : 1;
                kills.Add($"t={started.Elapsed.TotalSeconds:0.0}s after {answeredBefore:N0} answers, {inFlight:N0} in flight" + (bots.Count == 1 ? "" : $" (instance {victim})"));
                await bots.KillAndRestartAsync(victim, TimeSpan.FromMilliseconds(random.Next(0, 300)), ct).ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, spacing / 2)), ct).ConfigureAwait(false);
            driver.FinishRegistrations();
            idle = await driver.WaitIdleAsync(TimeSpan.FromSeconds(o.Smoke ? 60 : 180), ct).ConfigureAwait(false);
            if (bots.Count > 1)
            {
                // A reply the killed instance had taken (sent, or about to be) is another's only once its claim runs out.
                await WaitOutboxDeliveredAsync(workspace, TimeSpan.FromSeconds(90), ct).ConfigureAwait(false);
            }

            if (!idle && bots.Count > 1)
            {
                for (var i = 0; i < bots.Count; i++)
                {
                    Console.WriteLine($"  instance {i} output:\n{bots.Bots[i].Tail}");
                }
            }

            await bots.StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }
        finally
        {
            foreach (var bot in bots.Bots)
            {
                if (!bot.HasExited)
                {
                    Console.WriteLine("  last bot output:\n" + bot.Tail);
                }
            }
        }

        Console.WriteLine($"  kills: {string.Join("; ", kills)}");
        checks.Add($"{name}: every kill interrupted work in flight", kills.Count == o.Kills && killsWithoutWork == 0,
            $"{kills.Count} kills, {killsWithoutWork} with nothing in flight");
        Console.WriteLine($"  {driver.Sent:N0} updates sent, {driver.Answered:N0} answered, {driver.Registrations:N0} records (registrations and quick entries)");

        using var db = workspace.OpenReadOnly();
        Console.WriteLine($"  database: {Figures.Mb(workspace.DatabaseBytes)} for {DbChecks.Count(db, "SELECT COUNT(*) FROM inbound_updates"):N0} updates and {DbChecks.Count(db, "SELECT COUNT(*) FROM umkm_records"):N0} records");
        var lost = new List<string>();
        var duplicated = new List<string>();
        var unanswered = idle ? [] : driver.Unanswered();
        lost.AddRange(unanswered);
        checks.Expect($"{name}: every update eventually answered", unanswered);

        var confirmed = fake.ConfirmedOffset ?? 0;
        IReadOnlyCollection<int> acknowledged = webhooks ? fake.WebhookAcknowledged : [.. Enumerable.Range(100, Math.Max(0, confirmed - 100))];
        var missing = DbChecks.MissingUpdateKeys(db, acknowledged);
        lost.AddRange(missing);
        checks.Expect($"{name}: every acknowledged update has its idempotency key", missing, $"{acknowledged.Count:N0} acknowledged");
        if (webhooks)
        {
            var (posts, retries) = fake.WebhookPostCounts;
            Console.WriteLine($"  webhook posts: {posts:N0}, of which {retries:N0} failed and were retried (cut off by a kill, or refused by both)");
        }


        var doubles = DbChecks.DuplicateBusinesses(db);
        duplicated.AddRange(doubles);
        checks.Expect($"{name}: no business stored twice", doubles);

        var wrong = DbChecks.WrongRecords(db, driver.Users);
        lost.AddRange(wrong);
        checks.Expect($"{name}: every completed registration stored once with all its answers", wrong, $"{driver.Registrations:N0} records");

        var unsent = DbChecks.Count(db, "SELECT COUNT(*) FROM outbox WHERE \"SentAt\" IS NULL");
        checks.Add($"{name}: outbox fully delivered after the restarts", unsent == 0, $"{unsent} unsent");

        var committed = DbChecks.OutboxByChat(db);
        var counts = ReplyCounts.Mismatches(calibration, driver.Users, committed);
        checks.Expect($"{name}: each chat's committed replies match its answered steps (nothing applied twice or lost)", counts);
        foreach (var chat in counts.Take(3).Select(c => long.Parse(c.Split(' ', ':')[1], System.Globalization.CultureInfo.InvariantCulture)))
        {
            Console.WriteLine($"    chat {chat}: {calibration.Differences(chat, stepLog)}; last replies: {string.Join(" | ", (committed.GetValueOrDefault(chat) ?? []).TakeLast(4).Select(t => (t.Length > 60 ? t[..60] : t).ReplaceLineEndings(" ")))}");
        }
        foreach (var problem in counts)
        {
            (problem.Contains(ReplyCounts.TooMany, StringComparison.Ordinal) ? duplicated : lost).Add(problem);
        }

        var received = DeliveryCheck.Compare(committed, fake, driver.Users.Select(u => u.Chat));
        lost.AddRange(received.Problems);
        checks.Expect($"{name}: every reply received is a committed reply, in order", received.Problems,
            $"{received.Delivered:N0} delivered, {received.Resent:N0} re-sent after a kill (sent but not yet marked sent)");

        if (postgres is null && !webhooks)
        {
            figures.Kills = kills.Count;
            figures.FaultLost = lost.Count;
            figures.FaultDuplicated = duplicated.Count;
        }
        Console.WriteLine($"  lost = {lost.Count}, duplicated = {duplicated.Count}");
    }
}
