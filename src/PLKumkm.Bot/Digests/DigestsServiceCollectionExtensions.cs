using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Digests;

internal static class DigestsServiceCollectionExtensions
{
    /// <summary>Daily digests: subscriptions (the chat commands are in the command table), composing, sending, and the
    /// schedule when the bot runs.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, bool scheduled)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>());
        services.AddScoped<DigestComposer>();
        services.AddScoped<DigestSender>();
        if (scheduled)
        {
            services.AddHostedService<DigestService>();
        }

        return services;
    }
}
