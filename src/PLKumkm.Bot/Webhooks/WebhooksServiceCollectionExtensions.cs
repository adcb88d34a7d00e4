using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PLKumkm.Bot.Webhooks;

internal static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// The durable webhook inbox and the service draining it into the pipeline. Channels that receive
    /// webhooks call this; calling it more than once registers everything once.
    /// </summary>
    public static IServiceCollection AddWebhookInbox(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new WebhookInboxSettings());
        services.TryAddSingleton<WebhookInbox>();
        services.TryAddSingleton<WebhookInboxStore>();
        services.TryAddSingleton<UnreadableUpdates>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookInboxService>());
        return services;
    }
}
