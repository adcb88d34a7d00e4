using Microsoft.Extensions.DependencyInjection.Extensions;
using PLKumkm.Bot.Media;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Channels.Console;

internal static class ConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddConsoleChat(this IServiceCollection services, IConfiguration configuration, ConsoleTerminal? terminal = null)
    {
        services.AddOptions<ConsoleChatOptions>().Bind(configuration.GetSection(ConsoleChatOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.UserId) && !o.UserId.Contains(':', StringComparison.Ordinal),
                "ConsoleChat:UserId must be a plain id without ':'")
            .ValidateOnStart();
        services.AddSingleton(terminal ?? ConsoleTerminal.System());
        services.AddSingleton<IChannelSender, ConsoleSender>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMediaFetcher, ConsoleMediaFetcher>());
        services.AddHostedService<ConsoleChatService>();
        return services;
    }
}
