using System.CommandLine;
using PLKumkm.Bot.Channels.Console;
using PLKumkm.Bot.Staff.Users;
using PLKumkm.Bot.Storage;

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
        root.Subcommands.Add(UsersCommand());

        return root;
    }

    /// <summary><c>users add</c> and <c>users import</c>: pre-register staff by phone (see Staff/Users).</summary>
    private static Command UsersCommand()
    {
        var phone = new Option<string?>("--phone") { Description = "Mobile number: 08…, 628… or +62 8…" };
        var role = new Option<string?>("--role") { Description = "enumerator, coordinator, official or admin" };
        var region = new Option<string?>("--region") { Description = "Region code: a regency (16.01) for enumerators and coordinators" };
        var name = new Option<string?>("--name") { Description = "Full name, used to greet them" };
        var add = new Command("add", "Pre-register (or update) a person by phone") { phone, role, region, name };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction((result, ct) => RunUsersVerbAsync(result, async (services, output, token) =>
        {
            var entry = new StaffEntry(result.GetValue(phone), result.GetValue(role), result.GetValue(region), result.GetValue(name));
            var saved = await services.GetRequiredService<StaffRegistry>().AddAsync(entry, token);
            var person = saved.Person;
            await output.WriteLineAsync(
                $"{(saved.Created ? "added" : "updated")} {person.Role.ToString().ToLowerInvariant()} '{person.Name}' (person {person.Id}), region '{person.RegionCode}'");
            return 0;
        }, ct));

        var file = new Argument<string>("FILE") { Description = "CSV with columns phone,role,region_code,name" };
        var import = new Command("import", "Pre-register many people from a CSV file") { file };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction((result, ct) => RunUsersVerbAsync(result, async (services, output, token) =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new StaffEntryException($"file not found: {path}");
            }

            using var reader = new StreamReader(path);
            var imported = await services.GetRequiredService<StaffImport>().ImportAsync(reader, token);
            await output.WriteLineAsync($"imported {imported.Imported} ({imported.Created} new, {imported.Updated} updated)");
            if (imported.Problems.Count == 0)
            {
                return 0;
            }

            await result.InvocationConfiguration.Error.WriteLineAsync(
                $"error: {imported.Problems.Count} row(s) not imported: {string.Join("; ", imported.Problems)}");
            return 1;
        }, ct));

        return new Command("users", "Staff (enumerators, coordinators, officials, admins), pre-registered by phone") { add, import };
    }

    private static async Task<int> RunUsersVerbAsync(
        ParseResult result, Func<IServiceProvider, TextWriter, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        try
        {
            using var host = BotHost.Build(HostMode.Tool, Passthrough(result));
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider, result.InvocationConfiguration.Output, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
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
