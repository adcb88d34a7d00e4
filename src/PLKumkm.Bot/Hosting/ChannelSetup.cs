using PLKumkm.Bot.Channels.Telegram;

namespace PLKumkm.Bot.Hosting;

/// <summary>Which transport channels the configuration turns on.</summary>
internal static class ChannelSetup
{
    public static bool AnyConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"]);

    public static void AddConfiguredChannels(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTelegramChannel(configuration);
    }
}
