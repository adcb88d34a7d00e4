namespace PLKumkm.Bot.Messaging;

internal static class MessagingServiceCollectionExtensions
{
    /// <summary>The channel-neutral pipeline: idempotent processing, write gate, outbox delivery and retry.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddSingleton<WriteGate>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<TypingIndicator>();
        services.AddScoped<IInboundProcessor, InboundProcessor>();
        services.AddHostedService<OutboxRetryService>();
        return services;
    }
}
