using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PLKumkm.Bot.Channels.Telegram;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.Tests.Channels.Telegram;

/// <summary>A minimal host running the Telegram channel against a <see cref="FakeBotApi"/>.</summary>
internal static class TelegramTestHost
{
    public static IHost Build(FakeBotApi fake, CapturingLoggerProvider? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (logs is not null)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = fake.Token,
            ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Telegram:PollingTimeoutSeconds"] = "1",
        });
        builder.Services.AddTelegramChannel(builder.Configuration);
        builder.Services.AddSingleton(sp => new EchoProcessor(sp.GetRequiredService<IChannelSender>()));
        builder.Services.AddSingleton<IInboundProcessor>(sp => sp.GetRequiredService<EchoProcessor>());
        return builder.Build();
    }
}
