namespace PLKumkm.Bot.Regions;

internal static class RegionsServiceCollectionExtensions
{
    /// <summary>The bundled Kemendagri regions, in memory for matching names and codes.</summary>
    public static IServiceCollection AddRegions(this IServiceCollection services)
    {
        services.AddSingleton(_ => RegionCatalog.LoadEmbedded());
        services.AddSingleton<IRegionLookup>(sp => sp.GetRequiredService<RegionCatalog>());
        services.AddSingleton(sp => RegionAliases.LoadEmbedded(sp.GetRequiredService<RegionCatalog>()));
        services.AddSingleton<RegionResolver>();
        return services;
    }
}
