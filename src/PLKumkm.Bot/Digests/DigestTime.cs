using System.Globalization;
using System.Text.RegularExpressions;

namespace PLKumkm.Bot.Digests;

/// <summary>A time of day as people type it: <c>07.00</c>, <c>7:30</c>, <c>7</c>, <c>jam 18</c>, <c>pukul 06.15</c>.</summary>
internal static partial class DigestTime
{
    /// <returns>Minutes after midnight, or null when it is not a time of day.</returns>
    public static int? Parse(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        return hour < 24 && minute < 60 ? hour * 60 + minute : null;
    }

    /// <summary><c>07.00</c> (Indonesian) or <c>07:00</c> (English).</summary>
    public static string Format(int minute, bool en) =>
        string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}{(en ? ':' : '.')}{minute % 60:00}");

    [GeneratedRegex(@"^(?:(?:jam|pukul|pkl\.?|at)\s*)?(?<h>\d{1,2})(?:[.:](?<m>\d{2}))?(?:\s*(?:wib|wita|wit))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
