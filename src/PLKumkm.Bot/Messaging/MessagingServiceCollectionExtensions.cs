using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Messaging;

internal static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The channel-neutral pipeline: idempotent processing, write gate, outbox delivery and retry, with their limits
    /// from the <c>Messaging</c> section (checked at start).
    /// </summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>());
        services.AddSingleton<WriteGate>();
        services.TryAddSingleton<Storage.BotInstance>();
        services.TryAddSingleton<Webhooks.UnreadableUpdates>();
        services.AddSingleton<StalledChats>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<ReplySender>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<TypingIndicator>();
        services.AddScoped<IInboundProcessor, InboundProcessor>();
        services.AddScoped<DeliveryReports>();
        services.AddScoped<ScheduledMessages>();
        services.AddHostedService<OutboxRetryService>();
        return services;
    }
}
