namespace PLKumkm.Bot.Messaging.Commands;

internal static class CommandsServiceCollectionExtensions
{
    /// <summary>The command table, its router, and every handler the table names (scoped: they work in one update's
    /// unit of work).</summary>
    public static IServiceCollection AddChatCommands(this IServiceCollection services)
    {
        services.AddSingleton(ChatCommands.Table);
        services.AddScoped<CommandRouter>();
        foreach (var handler in ChatCommands.Table.HandlerTypes)
        {
            services.AddScoped(handler);
        }

        return services;
    }
}
