using System.CommandLine;
using System.Globalization;
using System.Text;
using PLKumkm.Bot.Broadcasts;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Exports;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary>
/// <c>broadcast --region CODE --to owners-unfinished|owners|enumerators|coordinators --text FILE [--dry-run]</c>: one message
/// to a group of people (see <see cref="BroadcastSender"/>); run again after a crash to finish it.
/// </summary>
internal static class BroadcastVerb
{
    private const int MaxTextLength = 4000;

    public static Command Create()
    {
        var region = new Option<string>("--region") { Description = "Region code (16, 16.01, …), a name as progress takes it, or 'all'", Required = true };
        var to = new Option<string>("--to") { Description = "owners-unfinished, owners, enumerators or coordinators", Required = true };
        var textFile = new Option<string>("--text") { Description = "A UTF-8 text file with the message", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Count who would get it, per channel; send nothing" };
        var command = new Command("broadcast", "Send one message to a group of people of a region, within each channel's limits (resumable)")
        {
            region, to, textFile, dryRun,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => VerbRunner.RunAsync(result, [.. result.UnmatchedTokens], async (services, output, token) =>
        {
            var regions = services.GetRequiredService<RegionCatalog>();
            var code = ExportScope.Parse(result.GetValue(region), regions, services.GetRequiredService<RegionResolver>())
                ?? throw new VerbException($"unknown or ambiguous region '{result.GetValue(region)}': give a code such as 16.01, a name such as Sumsel, or 'all'");
            var audience = result.GetValue(to)!;
            if (!BroadcastAudience.Names.Contains(audience, StringComparer.Ordinal))
            {
                throw new VerbException($"--to wants one of {string.Join(", ", BroadcastAudience.Names)}, not '{audience}'");
            }

            var path = result.GetValue(textFile)!;
            if (!File.Exists(path))
            {
                throw new VerbException($"file not found: {Path.GetFullPath(path)}");
            }

            string text;
            try
            {
                text = Conversations.Engine.TextNormalizer.Clean(await File.ReadAllTextAsync(path, new UTF8Encoding(false, throwOnInvalidBytes: true), token)).Trim();
            }
            catch (DecoderFallbackException)
            {
                throw new VerbException($"{path} is not valid UTF-8 text");
            }

            if (text.Length is 0 or > MaxTextLength)
            {
                throw new VerbException(text.Length == 0 ? $"{path} is empty" : $"the message is {text.Length} characters; at most {MaxTextLength}");
            }

            var live = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
            var report = await services.GetRequiredService<BroadcastSender>().RunAsync(code, audience, text, result.GetValue(dryRun),
                live ? (done, total) => Bar(output, done, total) : null, token);
            if (live)
            {
                await output.WriteLineAsync();
            }

            await output.WriteLineAsync(Describe(report, audience, ExportScope.Describe(code, regions)));
        }, ct));
        return command;
    }

    private static void Bar(TextWriter output, int done, int total)
    {
        const int Width = 30;
        var filled = total == 0 ? Width : done * Width / total;
        output.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('-', Width - filled)}] {done}/{total}"));
    }

    private static string Describe(BroadcastReport r, string audience, string region)
    {
        var channels = r.PerChannel.Count == 0 ? "" : " (" + string.Join(", ", r.PerChannel.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")) + ")";
        return r.DryRun
            ? string.Create(CultureInfo.InvariantCulture,
                $"broadcast (dry run) to {audience} in {region}: {r.Audience} {(r.Audience == 1 ? "person" : "people")}; would send {r.PerChannel.Values.Sum()}{channels}, {r.StoredBefore} already sent earlier, {r.WithoutChat} without a reachable chat, {r.Stopped} left out because they asked to stop (/berhenti)")
            : string.Create(CultureInfo.InvariantCulture,
                $"broadcast {r.BroadcastId} to {audience} in {region}: {r.Stored} stored now{channels}, {r.StoredBefore} earlier, {r.WithoutChat} without a reachable chat, {r.Stopped} left out because they asked to stop (/berhenti); the running bot delivers them");
    }
}
