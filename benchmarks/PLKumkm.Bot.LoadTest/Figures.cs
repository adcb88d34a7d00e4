using System.Globalization;

namespace PLKumkm.Bot.LoadTest;

/// <summary>The headline numbers of a run, compared with the issue's goals at the end.</summary>
internal sealed class Figures
{
    public double? BotRate { get; set; }
    public double? EchoRate { get; set; }
    public double? OpenRate { get; set; }
    public double? OpenP99 { get; set; }
    public long? ConversationsPeakRss { get; set; }
    public int? Conversations { get; set; }
    public long? FaultLost { get; set; }
    public long? FaultDuplicated { get; set; }
    public int? Kills { get; set; }

    /// <summary>Every closed-loop run of the bot (name, updates/s, bot CPU µs per update), for one table at the end.</summary>
    public List<(string Name, double Rate, double CpuMicroseconds)> Runs { get; } = [];

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public void PrintGoals()
    {
        if (Runs.Count > 1 || (Runs.Count == 1 && EchoRate is not null))
        {
            // Providers and deliveries side by side, from the same run on the same machine.
            Console.WriteLine();
            Console.WriteLine("== closed loop, every run");
            foreach (var (name, perSecond, cpu) in Runs)
            {
                var ratio = EchoRate is { } e && e > 0 ? FormattableString.Invariant($", ratio to the echo bot {perSecond / e:0.00}") : "";
                Console.WriteLine(FormattableString.Invariant($"  {name}: {perSecond:0} updates/s, {cpu:0} µs bot CPU per update{ratio}"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("== goals (2-core machine)");
        if (BotRate is { } rate)
        {
            Goal($"end to end {rate:0} updates/s", ">= 3,000", rate >= 3000);
        }

        if (BotRate is { } bot && EchoRate is { } echo && echo > 0)
        {
            Goal($"ratio to the echo bot {bot / echo:0.00} ({bot:0} / {echo:0} updates/s)", ">= 0.5", bot / echo >= 0.5);
        }

        if (OpenP99 is { } p99)
        {
            Goal($"p99 update-to-reply {p99:0.0} ms at {OpenRate:0} updates/s", "<= 50 ms", p99 <= 50);
        }

        if (ConversationsPeakRss is { } rss)
        {
            Goal($"peak memory {Mb(rss)} with {Conversations:N0} open conversations", "<= 300 MB", rss <= 300L * 1024 * 1024);
        }

        if (FaultLost is { } lost)
        {
            Goal($"fault runs ({Kills} kills): lost {lost}, duplicated {FaultDuplicated}", "0 and 0", lost == 0 && FaultDuplicated == 0);
        }
    }

    private static void Goal(string what, string goal, bool met) =>
        Console.WriteLine(FormattableString.Invariant($"  [{(met ? "met" : "MISSED")}] {what} (goal {goal})"));
}
