using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Retention;

internal static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// The pruning of working data (<c>Retention</c> section, checked at start); <paramref name="scheduled"/> also
    /// runs it at start and on its interval (the bot itself, not a one-off verb).
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, bool scheduled)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.TryAddSingleton<RetentionPruner>();
        if (scheduled)
        {
            services.AddHostedService<RetentionService>();
        }

        return services;
    }
}
