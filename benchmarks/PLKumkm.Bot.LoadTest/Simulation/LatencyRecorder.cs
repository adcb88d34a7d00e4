using System.Diagnostics;

namespace PLKumkm.Bot.LoadTest.Simulation;

/// <summary>Update-to-reply times (Stopwatch ticks) of the updates enqueued inside the measuring window.</summary>
internal sealed class LatencyRecorder
{
    private readonly object _gate = new();
    private readonly List<long> _ticks = [];

    public void Add(long ticks)
    {
        lock (_gate)
        {
            _ticks.Add(ticks);
        }
    }

    public LatencySummary Summarize()
    {
        long[] sorted;
        lock (_gate)
        {
            sorted = [.. _ticks];
        }

        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Ms(sorted, 0.50), Ms(sorted, 0.95), Ms(sorted, 0.99),
            sorted.Length == 0 ? 0 : ToMs(sorted[^1]));
    }

    private static double Ms(long[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : ToMs(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)]);

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

internal sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max)
{
    public override string ToString() =>
        FormattableString.Invariant($"p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms ({Count:N0} samples)");
}
