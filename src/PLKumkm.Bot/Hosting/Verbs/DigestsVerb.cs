using System.CommandLine;
using System.Globalization;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Digests;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary><c>digests send [--date YYYY-MM-DD]</c>: stores the digests due now (or those of that day) at once; the running
/// bot delivers them.</summary>
internal static class DigestsVerb
{
    public static Command Create()
    {
        var date = new Option<string?>("--date") { Description = "Send that local day's digests now, whatever their time (YYYY-MM-DD)" };
        var send = new Command("send", "Send the daily digests due now (normally the bot does it on schedule)") { date };
        send.TreatUnmatchedTokensAsErrors = false;
        send.SetAction((result, ct) => VerbRunner.RunAsync(result, [.. result.UnmatchedTokens], async (services, output, token) =>
        {
            DateOnly? day = null;
            if (result.GetValue(date) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    throw new VerbException($"--date wants a date as YYYY-MM-DD, not '{text}'");
                }

                day = parsed;
            }

            var clock = services.GetRequiredService<TimeProvider>();
            var sent = await services.GetRequiredService<DigestSender>().SendDueAsync(clock.GetUtcNow(), day, deliver: false, token);
            await output.WriteLineAsync(sent == 0
                ? "digests: none due"
                : FormattableString.Invariant($"digests: {sent} stored; the running bot delivers them within seconds"));
        }, ct));
        return new Command("digests", "Daily digests for coordinators and officials") { send };
    }
}
