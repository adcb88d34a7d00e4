using System.Diagnostics;
using PLKumkm.Bot.LoadTest.Checks;
using PLKumkm.Bot.LoadTest.Simulation;
using PLKumkm.Bot.LoadTest.Targets;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.LoadTest.Modes;

/// <summary>
/// The bot's own memory (a separate process, so the fake and the simulated users do not count) while every one of
/// N open conversations is continued: each person answers the next two questions of a session seeded at the NIK.
/// </summary>
internal static class MemoryMode
{
    private const int AnswersPerConversation = 2;

    public static async Task RunAsync(LoadOptions o, Figures figures, CheckResults checks, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"== memory: {o.Conversations:N0} open conversations, each continued with {AnswersPerConversation} answers; bot in its own process");
        var dll = BotLocator.Find(o.BotDll);
        using var workspace = new Workspace { Keep = o.Keep };
        var seeding = Stopwatch.StartNew();
        await SessionSeeder.SeedAsync(workspace.DatabasePath, LoadMode.FirstChat, o.Conversations, ct).ConfigureAwait(false);
        Console.WriteLine($"  seeded {o.Conversations:N0} sessions (consent, name, NIK answered) in {seeding.Elapsed.TotalSeconds:0.0} s; database {Figures.Mb(workspace.DatabaseBytes)}");

        await using var fake = await FakeBotApi.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        fake.RecordHistory = false;
        fake.KeepSent = false;
        var driver = new Driver(fake, LoadMode.FirstChat, o.Conversations, _ => UserKind.Owner) { MaxAnswersPerUser = AnswersPerConversation };
        driver.PlaceAt(Scripts.AfterNikIndex);
        using var bot = BotProcess.Start(dll, InProcessBot.BotArgs(fake, workspace), workspace.Folder);
        var idleRss = 0L;
        bool idle;
        var run = Stopwatch.StartNew();
        using (var sampling = new CancellationTokenSource())
        {
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    bot.SampleMemory();
                    await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
                }
            }, CancellationToken.None);

            await Task.Delay(TimeSpan.FromSeconds(3), ct).ConfigureAwait(false);
            idleRss = bot.SampleMemory();

            // Many chats in flight at once, as at a peak; the rest follow as these finish.
            driver.StartClosedLoop(concurrency: Math.Min(o.Conversations, 2_000));
            idle = await driver.WaitIdleAsync(TimeSpan.FromSeconds(60 + o.Conversations / 250.0), ct).ConfigureAwait(false);
            await sampling.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
        }

        var peak = bot.PeakRss;
        await bot.StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        Console.WriteLine(FormattableString.Invariant(
            $"  {driver.Answered:N0} answers in {run.Elapsed.TotalSeconds:0.0} s ({driver.Answered / run.Elapsed.TotalSeconds:N0}/s)"));
        Console.WriteLine($"  bot process memory: {Figures.Mb(idleRss)} after start-up, peak {Figures.Mb(peak)} (resident set, VmHWM)");
        Console.WriteLine($"  database: {Figures.Mb(workspace.DatabaseBytes)}");
        figures.ConversationsPeakRss = peak;
        figures.Conversations = o.Conversations;

        using var db = workspace.OpenReadOnly();
        checks.Expect("memory: every update answered", idle ? [] : driver.Unanswered());
        var open = DbChecks.Count(db, "SELECT COUNT(*) FROM sessions WHERE \"IsActive\"");
        checks.Add("memory: every conversation still open", open == o.Conversations, $"{open:N0} active sessions");
        checks.Add("memory: no apology (no update failed)", driver.Apologies == 0, $"{driver.Apologies}");
    }
}
