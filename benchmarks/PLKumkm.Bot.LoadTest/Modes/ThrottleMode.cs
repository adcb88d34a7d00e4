using PLKumkm.Bot.LoadTest.Checks;
using PLKumkm.Bot.LoadTest.Simulation;
using PLKumkm.Bot.LoadTest.Targets;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.LoadTest.Modes;

/// <summary>The real bot while the Bot API answers 429 (retry_after) and 5xx at random: nothing lost, order kept, waits honoured.</summary>
internal static class ThrottleMode
{
    public static async Task RunAsync(LoadOptions o, CheckResults checks, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"== throttle: sendMessage answered 429 (retry_after 1-2 s) {o.P429:P0} and 5xx {o.P5xx:P0} of the time; {o.FaultUsers:N0} users, {o.FaultDuration:0} s"));
        var calibration = await Calibration.RunAsync(ct).ConfigureAwait(false);
        await using var fake = await FakeBotApi.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        fake.RecordHistory = false;
        var policy = new ThrottlePolicy(o.P429, o.P5xx, seed: 11);
        using var workspace = new Workspace { Keep = o.Keep };
        var driver = new Driver(fake, LoadMode.FirstChat, o.FaultUsers, Driver.Mix(o.VisitorShare, o.EnumeratorShare, o.OfficialShare))
        {
            StepReplies = calibration.RepliesForPendingStep,
        };
        bool idle;
        await using (var bot = await InProcessBot.StartAsync(fake, workspace, ct).ConfigureAwait(false))
        {
            await StaffSeeder.AddEnumeratorsAsync(bot.Services, driver.Users, ct).ConfigureAwait(false);
            fake.FaultPolicy = policy.Decide;
            driver.StartClosedLoop();
            await Task.Delay(TimeSpan.FromSeconds(o.FaultDuration), ct).ConfigureAwait(false);
            driver.FinishRegistrations();

            // A reply that exhausted its attempts is retried by the outbox service after 30 s.
            idle = await driver.WaitIdleAsync(TimeSpan.FromSeconds(o.Smoke ? 90 : 180), ct).ConfigureAwait(false);
            if (!idle)
            {
                Console.WriteLine($"  not idle: confirmed offset {fake.ConfirmedOffset}, {fake.PendingUpdateCount} pending at the fake, last offsets {string.Join(",", fake.GetUpdatesOffsets.TakeLast(5))} of {fake.GetUpdatesOffsets.Count} getUpdates calls");
            }
        }

        Console.WriteLine($"  {driver.Sent:N0} updates, {fake.SentCount:N0} messages delivered; injected {policy.Injected429:N0} x 429 and {policy.Injected5xx:N0} x 5xx");

        using var db = workspace.OpenReadOnly();
        checks.Expect("throttle: every update answered", idle ? [] : driver.Unanswered());
        checks.Expect("throttle: nothing sent to a chat before its retry_after passed", policy.Violations);
        var unsent = DbChecks.Count(db, "SELECT COUNT(*) FROM outbox WHERE \"SentAt\" IS NULL");
        checks.Add("throttle: outbox fully delivered", unsent == 0, $"{unsent} unsent");
        var committed = DbChecks.OutboxByChat(db);
        checks.Expect("throttle: each chat's committed replies match its answered steps", ReplyCounts.Mismatches(calibration, driver.Users, committed));
        var delivery = DeliveryCheck.Compare(committed, fake, driver.Users.Select(u => u.Chat));
        var problems = delivery.Problems.ToList();
        if (delivery.Resent > 0)
        {
            problems.Add($"{delivery.Resent} message(s) delivered twice or out of order");
        }

        checks.Expect("throttle: every reply delivered once, in per-chat order", problems, $"{delivery.Delivered:N0} delivered");
        checks.Expect("throttle: every registration stored with all its answers", DbChecks.WrongRecords(db, driver.Users));
    }
}
