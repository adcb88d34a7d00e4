using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Webhooks;

internal static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// The durable webhook inbox and the service draining it into the pipeline, and the limits on reading webhook
    /// bodies (<c>Webhooks</c> section, checked at start). Channels that receive
    /// webhooks call this; calling it more than once registers everything once.
    /// </summary>
    public static IServiceCollection AddWebhookInbox(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton<UnauthenticatedReads>();
        services.TryAddSingleton(new WebhookInboxSettings());
        services.TryAddSingleton<WebhookInbox>();
        services.TryAddSingleton<WebhookInboxStore>();
        services.TryAddSingleton<UnreadableUpdates>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookInboxService>());
        return services;
    }
}
