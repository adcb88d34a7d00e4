using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary>
/// Runs a command-line verb inside the bot's host (storage migrated and seeded, no channels):
/// exit 0 on success, 1 with one line <c>error: reason</c> on standard error otherwise.
/// </summary>
internal static class VerbRunner
{
    public static Task<int> RunAsync(
        System.CommandLine.ParseResult result,
        Func<IServiceProvider, TextWriter, CancellationToken, Task> work,
        CancellationToken cancellationToken) =>
        RunAsync(result, [.. result.UnmatchedTokens], work, cancellationToken);

    /// <summary>As above, with the <c>--Section:Key=value</c> settings picked out by the verb (when its arguments take any word).</summary>
    /// <param name="initialize">False for a verb that must reach the database before start-up's checks (<c>keys rotate</c>).</param>
    public static async Task<int> RunAsync(
        System.CommandLine.ParseResult result,
        string[] configArgs,
        Func<IServiceProvider, TextWriter, CancellationToken, Task> work,
        CancellationToken cancellationToken,
        bool initialize = true)
    {
        if (CommandLineWords.FirstStray(configArgs) is { } stray)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync($"error: unexpected argument '{stray}'");
            return 1;
        }

        try
        {
            using var host = BotHost.Build(HostMode.Tool, configArgs);
            if (initialize)
            {
                await host.Services.GetRequiredService<Storage.DatabaseInitializer>().InitializeAsync(cancellationToken);
            }

            await using var scope = host.Services.CreateAsyncScope();
            await work(scope.ServiceProvider, result.InvocationConfiguration.Output, cancellationToken);
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync($"error: {BotCommandLine.Reason(e)}");
            return 1;
        }
    }
}
