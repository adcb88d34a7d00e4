using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Broadcasts;

internal static class BroadcastsServiceCollectionExtensions
{
    public static IServiceCollection AddBroadcasts(this IServiceCollection services)
    {
        services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BroadcastOptions>, BroadcastOptionsValidator>());
        services.AddScoped<BroadcastSender>();
        return services;
    }
}
