using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Progress.Targets;

namespace PLKumkm.Bot.Progress;

internal static class ProgressServiceCollectionExtensions
{
    /// <summary>Progress answers (chat and verb), ranking and charts, and the target import that feeds them.</summary>
    public static IServiceCollection AddProgress(this IServiceCollection services)
    {
        services.AddScoped<ProgressService>();
        services.AddScoped<ProgressAnswerer>();
        services.AddScoped<TargetsImporter>();
        return services;
    }
}
