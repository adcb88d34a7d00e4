using PLKumkm.Bot.Webhooks;

namespace PLKumkm.Bot.Observability;

internal static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The operational counters; <c>GET /metrics</c> where the host listens for HTTP.</summary>
    public static IServiceCollection AddObservability(this IServiceCollection services)
    {
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<IHttpRoutes, MetricsRoutes>();
        return services;
    }
}
