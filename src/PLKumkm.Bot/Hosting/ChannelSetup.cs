using PLKumkm.Bot.Channels.Telegram;
using PLKumkm.Bot.Channels.WhatsApp;

namespace PLKumkm.Bot.Hosting;

/// <summary>Which transport channels the configuration turns on, and whether they need the HTTP listener.</summary>
internal static class ChannelSetup
{
    public const string UrlsKey = "Urls";

    public static bool AnyConfigured(IConfiguration configuration) =>
        Telegram(configuration).IsConfigured || WhatsApp(configuration).IsConfigured;

    /// <summary>
    /// True when something must listen for HTTP: an explicit <c>Urls</c>, WhatsApp (webhooks only) or
    /// Telegram in webhook mode. Otherwise no port is bound (the console chat and long polling need none).
    /// </summary>
    public static bool NeedsHttp(IConfiguration configuration)
    {
        var telegram = Telegram(configuration);
        return !string.IsNullOrWhiteSpace(configuration[UrlsKey])
            || WhatsApp(configuration).IsConfigured
            || (telegram.IsConfigured && telegram.IsWebhookMode);
    }

    public static void AddConfiguredChannels(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTelegramChannel(configuration);
        services.AddWhatsAppChannel(configuration);
    }

    private static TelegramOptions Telegram(IConfiguration configuration) =>
        configuration.GetSection(TelegramOptions.SectionName).Get<TelegramOptions>() ?? new TelegramOptions();

    private static WhatsAppOptions WhatsApp(IConfiguration configuration) =>
        configuration.GetSection(WhatsAppOptions.SectionName).Get<WhatsAppOptions>() ?? new WhatsAppOptions();
}
