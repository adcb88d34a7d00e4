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
        root.Subcommands.Add(Verbs.BackupVerb.Create());
        root.Subcommands.Add(Verbs.UsersVerb.Create());

        root.Subcommands.Add(new Command("records", "The single database: records export and import")
        {
            Verbs.RecordsExportVerb.Create(),
            Verbs.RecordsImportVerb.Create(),
        });
        root.Subcommands.Add(Verbs.TargetsVerb.Create());
        root.Subcommands.Add(Verbs.ProgressVerb.Create());

        return root;
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
