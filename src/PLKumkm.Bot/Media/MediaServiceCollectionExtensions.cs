using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Media;

internal static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// The photo store (<c>Media</c> section, checked at start), the pipeline's receiver and the cleanup. Each channel
    /// adds its own <see cref="IMediaFetcher"/>.
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>());
        services.TryAddSingleton<MediaStore>();
        services.TryAddSingleton<MediaReceiver>();
        services.TryAddSingleton<MediaCleanup>();
        return services;
    }
}
