using System.CommandLine;
using PLKumkm.Bot.Channels.Console;

namespace PLKumkm.Bot.Hosting;

/// <summary>The command-line verbs (see README). Unknown <c>--Section:Key=value</c> tokens pass through as configuration.</summary>
internal static class BotCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("PL-KUMKM Bot: Telegram/WhatsApp chatbot for the census of cooperatives and MSMEs");
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((result, ct) => RunAsync(HostMode.Run, Passthrough(result), ct));

        var run = new Command("run", "Run the bot on every configured channel (console chat when none is)")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        run.SetAction((result, ct) => RunAsync(HostMode.Run, Passthrough(result), ct));
        root.Subcommands.Add(run);

        var user = new Option<string>("--user") { Description = "Chat as this user id", DefaultValueFactory = _ => "local" };
        var name = new Option<string?>("--name") { Description = "Display name of the user" };
        var chat = new Command("chat", "Console chat, even when other channels are configured") { user, name };
        chat.TreatUnmatchedTokensAsErrors = false;
        chat.SetAction((result, ct) =>
        {
            var args = Passthrough(result).ToList();
            args.Add($"--{ConsoleChatOptions.Section}:UserId={result.GetValue(user)}");
            if (result.GetValue(name) is { } n)
            {
                args.Add($"--{ConsoleChatOptions.Section}:Name={n}");
            }

            return RunAsync(HostMode.Chat, args.ToArray(), ct);
        });
        root.Subcommands.Add(chat);

        AddTargetsImport(root);
        AddRecordsImport(root);
        AddProgress(root);
        return root;
    }

    /// <summary>The verb group <paramref name="name"/> (<c>records</c>, <c>users</c>…), created on first use so several features can add to it.</summary>
    private static Command Group(RootCommand root, string name, string description)
    {
        var group = root.Subcommands.FirstOrDefault(c => c.Name == name);
        if (group is null)
        {
            group = new Command(name, description);
            root.Subcommands.Add(group);
        }

        return group;
    }

    private static void AddTargetsImport(RootCommand root)
    {
        var file = new Argument<string>("FILE") { Description = "CSV with region_code,target,enumerators,coordinators,start,end" };
        var import = new Command("import", "Load campaign targets (a region in the file replaces its earlier target)") { file };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction((result, ct) => RunToolAsync(result, Passthrough(result),
            (services, output, token) => Progress.Targets.TargetsImportVerb.RunAsync(services, result.GetValue(file)!, output, token), ct));
        Group(root, "targets", "Campaign targets").Subcommands.Add(import);
    }

    private static void AddRecordsImport(RootCommand root)
    {
        var file = new Argument<string>("FILE") { Description = "CSV whose header row holds UMKM field ids" };
        var import = new Command("import", "Bulk load records (invalid rows reported by line; re-running the same file adds nothing)") { file };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction((result, ct) => RunToolAsync(result, Passthrough(result),
            (services, output, token) => Records.Import.RecordsImportVerb.RunAsync(services, result.GetValue(file)!, output, token), ct));
        Group(root, "records", "Records in the single database").Subcommands.Add(import);
    }

    private static void AddProgress(RootCommand root)
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
            return RunToolAsync(result, [.. Passthrough(result), .. all.Where(IsSetting)],
                (services, writer, token) => Progress.ProgressVerb.RunAsync(services, [.. all.Where(w => !IsSetting(w))], result.GetValue(asOf), result.GetValue(output),
                    result.GetValue(language)!, writer, token), ct);
        });
        root.Subcommands.Add(progress);
    }

    /// <summary>
    /// Runs a verb against the database (migrated first) in a tool host, writing to the invocation's
    /// output (the console unless a caller, such as a test, gives another); a failure is one "error:" line.
    /// </summary>
    private static async Task<int> RunToolAsync(ParseResult result, string[] configArgs, Func<IServiceProvider, TextWriter, CancellationToken, Task<int>> verb,
        CancellationToken ct)
    {
        var output = result.InvocationConfiguration.Output;
        try
        {
            using var host = BotHost.Build(HostMode.Tool, configArgs);
            await host.Services.GetRequiredService<Storage.DatabaseInitializer>().InitializeAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            return await verb(scope.ServiceProvider, output, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await output.FlushAsync(ct);
            await result.InvocationConfiguration.Error.WriteLineAsync($"error: {Reason(e)}");
            return 1;
        }
    }

    private static string[] Passthrough(ParseResult result) => result.UnmatchedTokens.ToArray();

    private static async Task<int> RunAsync(HostMode mode, string[] configArgs, CancellationToken ct)
    {
        try
        {
            using var host = BotHost.Build(mode, configArgs);
            await host.RunAsync(ct);
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"error: {Reason(e)}");
            return 1;
        }
    }

    /// <summary>The one-line reason a verb failed (the innermost useful message).</summary>
    public static string Reason(Exception e)
    {
        while (e is AggregateException { InnerException: not null } or System.Reflection.TargetInvocationException { InnerException: not null })
        {
            e = e.InnerException!;
        }

        return e.Message.ReplaceLineEndings(" ");
    }
}
