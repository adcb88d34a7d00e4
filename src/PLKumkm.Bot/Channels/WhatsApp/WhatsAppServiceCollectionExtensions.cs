using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Webhooks;

namespace PLKumkm.Bot.Channels.WhatsApp;

internal static class WhatsAppServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>WhatsApp</c> section; when a phone number id and token are set, also
    /// registers the <see cref="IChannelSender"/> for "whatsapp", the webhook routes and the inbox that
    /// feeds the pipeline. An <see cref="IInboundProcessor"/> must be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddWhatsAppChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WhatsAppOptions.SectionName);
        services.AddOptions<WhatsAppOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WhatsAppOptions>, WhatsAppOptionsValidator>());

        var configured = section.Get<WhatsAppOptions>() ?? new WhatsAppOptions();
        if (!configured.IsConfigured)
        {
            return services;
        }

        services.AddHttpClient(WhatsAppGraphClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(3) })
            // Request logs would add little and the URLs name the business number; keep logs about the bot.
            .RemoveAllLoggers();
        services.TryAddSingleton<WhatsAppGraphClient>();
        services.TryAddSingleton(new WhatsAppRetryPolicy());
        services.AddSingleton<WhatsAppSender>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Media.IMediaFetcher, WhatsAppMediaFetcher>());
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<WhatsAppSender>());
        services.AddSingleton<IWebhookReader, WhatsAppWebhookReader>();
        services.AddSingleton<IHttpRoutes, WhatsAppWebhookRoutes>();
        services.AddWebhookInbox();
        return services;
    }
}
