using PLKumkm.Bot.Broadcasts;
using PLKumkm.Bot.Reminders;
using PLKumkm.Bot.Digests;
using Microsoft.Extensions.Logging.Console;
using PLKumkm.Bot.Channels.Console;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Exports;
using PLKumkm.Bot.Media;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Messaging.Commands;
using PLKumkm.Bot.Observability;
using PLKumkm.Bot.Owners;
using PLKumkm.Bot.Progress;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Retention;
using PLKumkm.Bot.Staff;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Webhooks;

namespace PLKumkm.Bot.Hosting;

/// <summary>
/// Builds the one host every verb runs in; tests build it the same way with their own overrides.
/// A web application (Kestrel) only when something needs HTTP (<see cref="ChannelSetup.NeedsHttp"/>);
/// otherwise a generic host that binds no port.
/// </summary>
internal static class BotHost
{
    public static IHost Build(HostMode mode, string[] configArgs, Action<IHostApplicationBuilder>? customize = null)
    {
        var web = mode == HostMode.Run && ChannelSetup.NeedsHttp(PreviewConfiguration(configArgs));
        if (!web)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = configArgs,
                ContentRootPath = AppContext.BaseDirectory,
            });
            Configure(builder, mode, configArgs);
            customize?.Invoke(builder);
            return builder.Build();
        }

        var webBuilder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = configArgs,
            ApplicationName = typeof(BotHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        Configure(webBuilder, mode, configArgs);
        if (webBuilder.Configuration[ChannelSetup.UrlsKey] is { Length: > 0 } urls)
        {
            webBuilder.WebHost.UseUrls(urls);
        }

        // What a connection may hold of a body nobody reads yet (Kestrel still drains a refused post's body before it
        // closes). At the default 1 MB each, 120 forged 4 MB webhook posts took the bot up by 200 MB; at 64 KB by 45 MB
        // (the load test's flood mode). Webhook bodies are a few KB; a larger one is simply read in more turns.
        webBuilder.WebHost.UseSockets(sockets => sockets.MaxReadBufferSize = RequestBufferBytes);
        webBuilder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBufferSize = RequestBufferBytes);
        webBuilder.Services.AddSingleton<IHttpRoutes, HealthRoutes>();
        customize?.Invoke(webBuilder);
        var app = webBuilder.Build();
        foreach (var routes in app.Services.GetServices<IHttpRoutes>())
        {
            routes.Map(app);
        }

        return app;
    }

    private const int RequestBufferBytes = 64 * 1024;

    private static void Configure(IHostApplicationBuilder builder, HostMode mode, string[] configArgs)
    {
        AddOperatorConfiguration(builder.Configuration, configArgs);

        var consoleChat = mode == HostMode.Chat || (mode == HostMode.Run && !ChannelSetup.AnyConfigured(builder.Configuration));
        ConfigureLogging(builder, quiet: consoleChat || mode == HostMode.Tool, consoleChat);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<StartupChecks>();
        builder.Services
            .AddRegions()
            .AddStorage(builder.Configuration)
            .AddMedia()
            .AddConversations(builder.Configuration)
            .AddOwnerCommands()
            .AddExports()
            .AddStaff()
            .AddMessaging()
            .AddChatCommands()
            .AddObservability()
            .AddRecords()
            .AddProgress()
            .AddRetention(scheduled: mode != HostMode.Tool)
            .AddDigests(scheduled: mode != HostMode.Tool)
            .AddReminders(scheduled: mode != HostMode.Tool)
            .AddBroadcasts(scheduled: mode != HostMode.Tool);

        if (consoleChat)
        {
            builder.Services.AddConsoleChat(builder.Configuration);
        }
        else if (mode == HostMode.Run)
        {
            ChannelSetup.AddConfiguredChannels(builder.Services, builder.Configuration);
        }
    }

    /// <summary>The operator's own settings next to where the bot is started override the shipped defaults;
    /// then environment variables, then the command line.</summary>
    private static void AddOperatorConfiguration(IConfigurationBuilder configuration, string[] configArgs)
    {
        configuration.AddJsonFile(Path.GetFullPath("appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(configArgs);
    }

    /// <summary>The configuration as the host will see it, read before choosing which kind of host to build.</summary>
    private static IConfiguration PreviewConfiguration(string[] configArgs)
    {
        var preview = new ConfigurationManager();
        preview.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        AddOperatorConfiguration(preview, configArgs);
        return preview;
    }

    private static void ConfigureLogging(IHostApplicationBuilder builder, bool quiet, bool consoleChat)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        if (quiet)
        {
            // The terminal is the conversation: only problems are logged, and to standard error — unless the operator
            // asked for detail (Logging:LogLevel:Default = Debug or Trace; the shipped default is Information).
            var floor = Enum.TryParse<LogLevel>(builder.Configuration["Logging:LogLevel:Default"], ignoreCase: true, out var asked) && asked < LogLevel.Information
                ? asked
                : LogLevel.Warning;
            builder.Logging.SetMinimumLevel(floor);
            // A rule, not only the minimum: appsettings' "Default": "Information" would otherwise win, and a
            // verb's standard error must hold nothing but its one "error:" line.
            builder.Logging.AddFilter((string?)null, floor);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", floor);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            if (consoleChat && floor == LogLevel.Warning)
            {
                // A library's advice to developers is no part of a conversation; its errors still show.
                builder.Logging.AddFilter("Microsoft", LogLevel.Error);
                builder.Logging.AddFilter("System", LogLevel.Error);
            }
        }

        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
    }
}
