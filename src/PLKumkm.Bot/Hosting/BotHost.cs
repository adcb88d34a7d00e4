using Microsoft.Extensions.Logging.Console;
using PLKumkm.Bot.Channels.Console;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Progress;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Hosting;

/// <summary>Builds the one host every verb runs in; tests build it the same way with their own overrides.</summary>
internal static class BotHost
{
    public static IHost Build(HostMode mode, string[] configArgs, Action<HostApplicationBuilder>? customize = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The operator's own settings next to where the bot is started override the shipped defaults.
        builder.Configuration.AddJsonFile(Path.GetFullPath("appsettings.json"), optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(configArgs);

        var consoleChat = mode == HostMode.Chat || (mode == HostMode.Run && !ChannelSetup.AnyConfigured(builder.Configuration));
        ConfigureLogging(builder, quiet: consoleChat || mode == HostMode.Tool);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<StartupChecks>();
        builder.Services
            .AddRegions()
            .AddStorage(builder.Configuration)
            .AddConversations(builder.Configuration)
            .AddMessaging()
            .AddProgress();

        if (consoleChat)
        {
            builder.Services.AddConsoleChat(builder.Configuration);
        }
        else if (mode == HostMode.Run)
        {
            ChannelSetup.AddConfiguredChannels(builder.Services, builder.Configuration);
        }

        customize?.Invoke(builder);
        return builder.Build();
    }

    private static void ConfigureLogging(HostApplicationBuilder builder, bool quiet)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        if (quiet)
        {
            // The terminal is the conversation: only problems are logged, and to standard error.
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            // The shipped appsettings.json says Information by default; a rule added later wins over it.
            builder.Logging.AddFilter((string?)null, LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
    }
}
