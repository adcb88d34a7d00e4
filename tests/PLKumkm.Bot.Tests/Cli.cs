using System.CommandLine;
using PLKumkm.Bot.Hosting;

namespace PLKumkm.Bot.Tests;

/// <summary>Runs a command-line verb as <c>dotnet run -- …</c> would, in process: exit code, standard output and error.</summary>
internal static class Cli
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = await BotCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
