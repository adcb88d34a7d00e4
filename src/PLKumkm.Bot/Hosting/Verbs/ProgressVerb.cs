using System.CommandLine;
using PLKumkm.Bot.Progress;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary><c>progress WORDS... [--as-of YYYY-MM-DD] [--out FILE] [--lang id|en]</c>: what the bot answers (see <see cref="ProgressQuery"/>).</summary>
internal static class ProgressVerb
{
    public static Command Create()
    {
        var words = new Argument<string[]>("WORDS") { Description = "A region (OKU, 16.01, Sumsel, Indonesia), optionally after peringkat or grafik", Arity = ArgumentArity.OneOrMore };
        var asOf = new Option<string?>("--as-of") { Description = "As of the end of this local day (YYYY-MM-DD)" };
        var output = new Option<string?>("--out") { Description = "Where grafik writes its PNG (default: grafik-CODE.png here)" };
        var language = new Option<string>("--lang") { Description = "id or en", DefaultValueFactory = _ => "id" };
        var progress = new Command("progress", "Print what the bot answers to 'progress WORDS'") { words, asOf, output, language };
        progress.TreatUnmatchedTokensAsErrors = false;
        progress.SetAction((result, ct) =>
        {
            // "--Section:Key=value" settings land among the words (the argument takes any number of them).
            var all = result.GetValue(words)!;
            static bool IsSetting(string token) => token.StartsWith("--", StringComparison.Ordinal) && token.Contains(':', StringComparison.Ordinal);
            return VerbRunner.RunAsync(result, [.. result.UnmatchedTokens, .. all.Where(IsSetting)],
                (services, writer, token) => ProgressQuery.RunAsync(services, [.. all.Where(w => !IsSetting(w))], result.GetValue(asOf),
                    result.GetValue(output), result.GetValue(language)!, writer, token), ct);
        });
        return progress;
    }
}
