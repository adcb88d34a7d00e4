using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Owners;

internal static class OwnersServiceCollectionExtensions
{
    /// <summary>What an owner can do with their own data: <c>/status</c>, <c>/ubah</c>, "hapus data saya".</summary>
    public static IServiceCollection AddOwnerCommands(this IServiceCollection services)
    {
        return services;
    }
}
