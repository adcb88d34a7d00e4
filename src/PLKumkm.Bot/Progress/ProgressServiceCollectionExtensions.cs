using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Progress.Targets;
using PLKumkm.Bot.Records.Import;

namespace PLKumkm.Bot.Progress;

internal static class ProgressServiceCollectionExtensions
{
    /// <summary>Progress answers (chat and verb), ranking and charts, and the target and record imports that feed them.</summary>
    public static IServiceCollection AddProgress(this IServiceCollection services)
    {
        services.AddScoped<ProgressService>();
        services.AddScoped<ProgressAnswerer>();
        services.AddScoped<TargetsImporter>();
        services.AddScoped<RecordsImporter>();
        services.AddScoped<KoperasiImporter>();
        return services;
    }
}
