using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Owners;

internal static class OwnersServiceCollectionExtensions
{
    /// <summary>What an owner can do with their own data: <c>/status</c>, <c>/ubah</c>, "hapus data saya".</summary>
    public static IServiceCollection AddOwnerCommands(this IServiceCollection services)
    {
        services.AddScoped<IMessageHandler, WithdrawalHandler>();
        services.AddScoped<IMessageHandler, StatusHandler>();
        services.AddScoped<IMessageHandler, EditHandler>();
        return services;
    }
}
