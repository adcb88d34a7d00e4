using System.CommandLine;
using PLKumkm.Bot.Hosting;

namespace PLKumkm.Bot.Tests.Hosting;

/// <summary>Runs a command-line verb as an admin would, capturing what it prints.</summary>
internal static class VerbHarness
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static async Task<Outcome> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BotCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new Outcome(exit, output.ToString(), error.ToString());
    }
}
