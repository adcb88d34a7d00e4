using PLKumkm.Bot.LoadTest.Simulation;

namespace PLKumkm.Bot.LoadTest.Modes;

internal static class ReplyCounts
{
    public const string TooMany = "too many";
    public const string TooFew = "too few";

    /// <summary>Chats whose committed replies differ from what their answered steps produce in an undisturbed run.</summary>
    public static IReadOnlyList<string> Mismatches(Calibration calibration, IReadOnlyList<SimUser> users, Dictionary<long, List<string>> committed)
    {
        var problems = new List<string>();
        foreach (var user in users)
        {
            var expected = calibration.ExpectedReplies(user);
            var actual = committed.GetValueOrDefault(user.Chat)?.Count ?? 0;
            if (expected != actual)
            {
                problems.Add($"chat {user.Chat}: {actual} replies committed, {expected} expected ({(actual > expected ? TooMany : TooFew)})");
            }
        }

        return problems;
    }
}
