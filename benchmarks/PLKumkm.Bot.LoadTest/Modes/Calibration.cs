using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.LoadTest.Simulation;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.LoadTest.Targets;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.LoadTest.Modes;

/// <summary>
/// How many replies each scripted step gets, from one undisturbed run (a first and a second registration, one help
/// visit). The bot is deterministic, so a chat's committed replies after a disturbed run must add up to exactly this:
/// more would mean an update applied twice, fewer an update lost.
/// </summary>
internal sealed class Calibration
{
    private readonly int[] _first;
    private readonly int[] _later;
    private readonly int[] _visit;
    private readonly int[] _firstEntry;
    private readonly int[] _laterEntry;
    private readonly int[] _progress;

    private Calibration(int[] first, int[] later, int[] visit, int[] firstEntry, int[] laterEntry, int[] progress) =>
        (_first, _later, _visit, _firstEntry, _laterEntry, _progress) = (first, later, visit, firstEntry, laterEntry, progress);

    public static async Task<Calibration> RunAsync(CancellationToken ct)
    {
        await using var fake = await FakeBotApi.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        fake.RecordHistory = false;
        fake.KeepSent = false;
        using var workspace = new Workspace();
        var log = new ConcurrentQueue<(long Chat, int Registration, int Step, int Replies)>();
        UserKind[] kinds = [UserKind.Owner, UserKind.Visitor, UserKind.Enumerator, UserKind.Official];
        var driver = new Driver(fake, 1, kinds.Length, i => kinds[i]) { StepLog = log, ThinkTime = TimeSpan.FromMilliseconds(20) };
        await using (var bot = await InProcessBot.StartAsync(fake, workspace, ct).ConfigureAwait(false))
        {
            // A step is logged only when the bot has delivered all it committed: its last reply may follow the acknowledgement.
            var delivery = bot.Services.GetRequiredService<OutboxDelivery>();
            driver.Settle = delivery.FlushAsync;
            await StaffSeeder.AddEnumeratorsAsync(bot.Services, driver.Users, ct).ConfigureAwait(false);
            driver.StartClosedLoop();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((driver.Users[0].Registrations < 2 || driver.Users[2].Registrations < 2) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, ct).ConfigureAwait(false);
            }

            driver.Stop();
            await driver.WaitIdleAsync(TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
        }

        if (driver.Users[0].Registrations < 2 || driver.Users[2].Registrations < 2 || driver.ExpectFailures > 0)
        {
            throw new InvalidOperationException("calibration: the owner or enumerator script did not complete twice; the bot and the scripts differ");
        }

        int[] Counts(Func<(long Chat, int Registration, int Step, int Replies), bool> which, int length)
        {
            var counts = new int[length];
            foreach (var entry in log.Where(which))
            {
                counts[entry.Step] = entry.Replies;
            }

            return counts;
        }

        return new Calibration(
            Counts(e => e.Chat == 1 && e.Registration == 0, Scripts.Owner(1, 0).Count),
            Counts(e => e.Chat == 1 && e.Registration == 1, Scripts.Owner(1, 1).Count),
            Counts(e => e.Chat == 2, Scripts.Visitor().Count),
            Counts(e => e.Chat == 3 && e.Registration == 0, Scripts.Enumerator(3, 0).Count),
            Counts(e => e.Chat == 3 && e.Registration == 1, Scripts.Enumerator(3, 1).Count),
            Counts(e => e.Chat == 4, Scripts.Official().Count));
    }

    /// <summary>Replies the user's pending step gets in an undisturbed run. Call with the user locked.</summary>
    public int RepliesForPendingStep(SimUser user)
    {
        var steps = (user.Kind, user.Registrations) switch
        {
            (UserKind.Visitor, _) => _visit,
            (UserKind.Official, _) => _progress,
            (UserKind.Enumerator, 0) => _firstEntry,
            (UserKind.Enumerator, _) => _laterEntry,
            (_, 0) => _first,
            _ => _later,
        };
        return steps.Length == 0 ? 1 : steps[user.StepIndex % steps.Length];
    }

    /// <summary>Replies the user's answered steps should have produced.</summary>
    public int ExpectedReplies(SimUser user)
    {
        int answered;
        lock (user)
        {
            answered = user.Answered;
        }

        var total = 0;
        if (user.Kind is UserKind.Visitor or UserKind.Official)
        {
            var steps = user.Kind == UserKind.Visitor ? _visit : _progress;
            for (var i = 0; i < answered; i++)
            {
                total += steps[i % steps.Length];
            }

            return total;
        }

        for (var registration = 0; answered > 0; registration++)
        {
            var steps = (user.Kind, registration) switch
            {
                (UserKind.Enumerator, 0) => _firstEntry,
                (UserKind.Enumerator, _) => _laterEntry,
                (_, 0) => _first,
                _ => _later,
            };
            var take = Math.Min(answered, steps.Length);
            total += steps.Take(take).Sum();
            answered -= take;
        }

        return total;
    }

    /// <summary>Where a chat's logged replies per step differ from the calibration (for diagnosing a mismatch).</summary>
    public string Differences(long chat, IEnumerable<(long Chat, int Registration, int Step, int Replies)> log)
    {
        var differences = log.Where(e => e.Chat == chat)
            .Where(e => e.Replies != (e.Registration == 0 ? _first : _later).ElementAtOrDefault(e.Step))
            .Select(e => $"registration {e.Registration} step {e.Step}: {e.Replies} replies, calibrated {(e.Registration == 0 ? _first : _later).ElementAtOrDefault(e.Step)}");
        return string.Join("; ", differences);
    }

    public override string ToString() =>
        $"first registration {_first.Length} steps / {_first.Sum()} replies, later ones {_later.Length} / {_later.Sum()}, help visit {_visit.Length} / {_visit.Sum()}, enumerator's first entry {_firstEntry.Length} / {_firstEntry.Sum()}, later entries {_laterEntry.Length} / {_laterEntry.Sum()}, progress questions {_progress.Length} / {_progress.Sum()}";
}
