using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Cooperatives;

internal static class CooperativesServiceCollectionExtensions
{
    /// <summary>Enumerators' <c>#koperasi</c> quick entry (the guided registration is <c>/koperasi</c>, in Conversations).</summary>
    public static IServiceCollection AddCooperatives(this IServiceCollection services)
    {
        services.AddSingleton(sp => new KoperasiQuickEntryParser(
            sp.GetRequiredService<QuestionnaireCatalog>().Get(StartHandler.KoperasiQuestionnaire), sp.GetRequiredService<RegionCatalog>()));
        return services;
    }
}
