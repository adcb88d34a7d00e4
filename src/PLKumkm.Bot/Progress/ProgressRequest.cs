using System.Text.RegularExpressions;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Progress;

internal enum ProgressKind
{
    /// <summary><c>progress</c>, <c>progres</c>, <c>capaian</c>: one region's answer.</summary>
    Progress,

    /// <summary><c>peringkat</c>: the regions below one, ranked.</summary>
    Ranking,

    /// <summary><c>grafik</c>: the ranking as a picture.</summary>
    Chart,
}

/// <summary>
/// A progress question as typed: <c>progress OKU</c>, <c>/progress@bot 16.01</c>,
/// <c>capaian Kab. Ogan Komering Ulu per 12/9/2022</c>, <c>peringkat Sumsel</c>, <c>grafik Sumsel</c>.
/// </summary>
internal sealed partial record ProgressRequest(ProgressKind Kind, string RegionText, string? DateText, bool IsCommand)
{
    private static readonly Dictionary<string, ProgressKind> Keywords = new(StringComparer.Ordinal)
    {
        ["progress"] = ProgressKind.Progress,
        ["progres"] = ProgressKind.Progress,
        ["capaian"] = ProgressKind.Progress,
        ["peringkat"] = ProgressKind.Ranking,
        ["grafik"] = ProgressKind.Chart,

        // The same in English, for people who chat in English (/bahasa en).
        ["ranking"] = ProgressKind.Ranking,
        ["chart"] = ProgressKind.Chart,
    };

    /// <summary>The command word for <paramref name="kind"/> (what buttons carry).</summary>
    public static string CommandFor(ProgressKind kind) => kind switch
    {
        ProgressKind.Ranking => "peringkat",
        ProgressKind.Chart => "grafik",
        _ => "progress",
    };

    /// <summary>Null unless the text starts with one of the keywords (as a word, or as a /command).</summary>
    public static ProgressRequest? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string rest;
        ProgressKind kind;
        var isCommand = false;
        if (ChatCommand.Parse(text) is { } command)
        {
            if (!Keywords.TryGetValue(command.Name, out kind))
            {
                return null;
            }

            isCommand = true;
            rest = command.Arguments;
        }
        else
        {
            var m = Leading().Match(text);
            if (!m.Success || !Keywords.TryGetValue(m.Groups["word"].Value.ToLowerInvariant(), out kind))
            {
                return null;
            }

            rest = text[m.Length..];
        }

        rest = rest.Trim();
        var date = AsOf().Match(rest);
        return date.Success
            ? new ProgressRequest(kind, date.Groups["region"].Value.Trim(), date.Groups["date"].Value.Trim(), isCommand)
            : new ProgressRequest(kind, rest, null, isCommand);
    }

    /// <summary>The same request as typed text for <paramref name="regionCode"/> (a button's value); the date kept as ISO.</summary>
    public static string CommandText(ProgressKind kind, string regionCode, DateOnly? asOf) =>
        $"/{CommandFor(kind)} {(regionCode.Length == 0 ? "Indonesia" : regionCode)}" +
        (asOf is { } d ? " per " + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "");

    [GeneratedRegex(@"^\s*(?<word>\p{L}+)[:,]?(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    [GeneratedRegex(@"^(?<region>.*?)(?:^|\s+)(?:per|as\s+of|pada|tanggal|tgl\.?)\s+(?<date>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsOf();
}
