using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Exports;

internal static class ExportsServiceCollectionExtensions
{
    /// <summary>Exports of the single database: <c>/ekspor</c> in the chat and the <c>records export</c> verb.</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddScoped<RecordExporter>();
        return services;
    }
}
