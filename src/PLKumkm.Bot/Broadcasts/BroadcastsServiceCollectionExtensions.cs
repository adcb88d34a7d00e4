using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Broadcasts;

internal static class BroadcastsServiceCollectionExtensions
{
    /// <summary>Broadcasts: the <c>broadcast</c> verb's sender, and in the running bot the job that sends what was
    /// confirmed in a chat (<c>/siaran</c>; its handler is in the command table).</summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services, bool scheduled)
    {
        services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BroadcastOptions>, BroadcastOptionsValidator>());
        services.AddScoped<BroadcastSender>();
        services.AddScoped<BroadcastJob>();
        if (scheduled)
        {
            services.AddHostedService<BroadcastService>();
        }

        return services;
    }
}
