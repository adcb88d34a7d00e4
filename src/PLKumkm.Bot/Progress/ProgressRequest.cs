using System.Text.RegularExpressions;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Messaging.Commands;

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
    // The command table's names of the three, also taken typed without the slash ("progress OKU").
    private static readonly Dictionary<string, ProgressKind> Keywords = new[]
        {
            (ChatCommands.Progress, ProgressKind.Progress),
            (ChatCommands.Ranking, ProgressKind.Ranking),
            (ChatCommands.Chart, ProgressKind.Chart),
        }
        .SelectMany(pair => pair.Item1.Names.Select(name => (name, pair.Item2)))
        .ToDictionary(pair => pair.name, pair => pair.Item2, StringComparer.Ordinal);

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

        if (ChatCommand.Parse(text) is { } command)
        {
            return For(command.Name, command.Arguments);
        }

        var m = Leading().Match(text);
        return m.Success && Keywords.TryGetValue(m.Groups["word"].Value.ToLowerInvariant(), out var kind)
            ? Build(kind, text[m.Length..], isCommand: false)
            : null;
    }

    /// <summary>The request of a /command already parsed (the router's); null unless it is one of the three.</summary>
    public static ProgressRequest? For(string commandName, string arguments) =>
        Keywords.TryGetValue(commandName, out var kind) ? Build(kind, arguments, isCommand: true) : null;

    private static ProgressRequest Build(ProgressKind kind, string rest, bool isCommand)
    {
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
