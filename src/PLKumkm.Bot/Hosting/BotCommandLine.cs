using System.CommandLine;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Channels.Console;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Hosting.Verbs;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Hosting;

/// <summary>The command-line verbs (see README). Unknown <c>--Section:Key=value</c> tokens pass through as configuration.</summary>
internal static class BotCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("PL-KUMKM Bot: Telegram/WhatsApp chatbot for the census of cooperatives and MSMEs");
        root.TreatUnmatchedTokensAsErrors = false;

        var run = new Command("run", "Run the bot on every configured channel (console chat when none is)")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        run.SetAction((result, ct) => RunAsync(HostMode.Run, result, Passthrough(result), null, ct));
        root.Subcommands.Add(run);

        var user = new Option<string?>("--user") { Description = "Chat as this user id (default 'local', or the phone's digits with --phone)" };
        var name = new Option<string?>("--name") { Description = "Display name of the user" };
        var phone = new Option<string?>("--phone") { Description = "Chat as the person known by this phone (pre-registered staff included)" };
        var chat = new Command("chat", "Console chat, even when other channels are configured") { user, name, phone };
        chat.TreatUnmatchedTokensAsErrors = false;
        chat.SetAction((result, ct) => ChatAsync(result, result.GetValue(user), result.GetValue(name), result.GetValue(phone), ct));
        root.Subcommands.Add(chat);
        root.Subcommands.Add(BackupVerb.Create());
        root.Subcommands.Add(UsersVerb.Create());

        root.Subcommands.Add(new Command("records", "The single database: records export and import")
        {
            RecordsExportVerb.Create(),
            RecordsImportVerb.Create(),
        });
        root.Subcommands.Add(TargetsVerb.Create());
        root.Subcommands.Add(ProgressVerb.Create());
        root.Subcommands.Add(DigestsVerb.Create());
        root.Subcommands.Add(BroadcastVerb.Create());
        root.Subcommands.Add(KeysVerb.Create());

        // A word that is no verb (a typo such as "progres") must not start the bot with the word ignored.
        root.SetAction((result, ct) => CommandLineWords.FirstStray(result.UnmatchedTokens) is { } stray
            ? FailAsync(result, CommandLineWords.UnknownVerb(stray, root.Subcommands.Select(c => c.Name)))
            : RunAsync(HostMode.Run, result, Passthrough(result), null, ct));
        return root;
    }

    private static string[] Passthrough(ParseResult result) => result.UnmatchedTokens.ToArray();

    private static Task<int> ChatAsync(ParseResult result, string? user, string? name, string? phone, CancellationToken ct)
    {
        string? e164;
        try
        {
            e164 = phone is null ? null : ConsoleIdentity.ParsePhone(phone);
        }
        catch (VerbException e)
        {
            return FailAsync(result, e.Message);
        }

        var userId = user ?? (e164 is null ? "local" : ConsoleIdentity.UserIdFor(e164));
        var args = Passthrough(result).ToList();
        args.Add($"--{ConsoleChatOptions.Section}:UserId={userId}");
        if (name is not null)
        {
            args.Add($"--{ConsoleChatOptions.Section}:Name={name}");
        }

        Func<IServiceProvider, CancellationToken, Task>? attach = e164 is null ? null : async (services, token) =>
        {
            await services.GetRequiredService<Storage.DatabaseInitializer>().InitializeAsync(token);
            var person = await ConsoleIdentity.AttachAsync(services, e164, userId, token);
            await result.InvocationConfiguration.Output.WriteLineAsync(ConsoleIdentity.Describe(person));
        };
        return RunAsync(HostMode.Chat, result, [.. args], attach, ct);
    }

    private static async Task<int> RunAsync(
        HostMode mode, ParseResult result, string[] configArgs, Func<IServiceProvider, CancellationToken, Task>? beforeStart, CancellationToken ct)
    {
        if (CommandLineWords.FirstStray(configArgs) is { } stray)
        {
            return await FailAsync(result, $"unexpected argument '{stray}' (settings are written --Section:Key=value)");
        }

        IHost? host = null;
        try
        {
            host = BotHost.Build(mode, configArgs);
            Preflight(host.Services);
            if (beforeStart is not null)
            {
                await beforeStart(host.Services, ct);
            }

            await host.RunAsync(ct);
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reason is the operator's one line; the trace only for whoever asked for Debug logging.
            host?.Services.GetService<ILoggerFactory>()?.CreateLogger(typeof(BotCommandLine).FullName!).LogDebug(e, "Start-up failed");
            return await FailAsync(result, Reason(e));
        }
        finally
        {
            host?.Dispose();
        }
    }

    /// <summary>
    /// What would make the host fail to start (settings, questionnaires, region data, services that cannot be
    /// built), checked before it starts: the host logs such a failure with its whole stack trace, the operator needs
    /// one line.
    /// </summary>
    private static void Preflight(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();
        // A wrong or missing data protection key is one line here, not a failed hosted service's stack trace.
        services.GetRequiredService<Storage.Protection.ProtectionMarker>().Check();
        _ = services.GetServices<IHostedService>().ToList();
        services.GetRequiredService<RegionCatalog>();
        services.GetRequiredService<QuestionnaireCatalog>();
    }

    private static async Task<int> FailAsync(ParseResult result, string reason)
    {
        await result.InvocationConfiguration.Error.WriteLineAsync($"error: {reason}");
        return 1;
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
