using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Webhooks;
using Telegram.Bot;

namespace PLKumkm.Bot.Channels.Telegram;

internal static class TelegramServiceCollectionExtensions
{
    public const string HttpClientName = "telegram";

    /// <summary>
    /// Binds and validates the <c>Telegram</c> section; when a bot token is set, also registers the client,
    /// the <see cref="IChannelSender"/> for "telegram", and either the long-polling service or, when
    /// <c>Telegram:WebhookUrl</c> is set, the webhook registration, route and inbox.
    /// An <see cref="IInboundProcessor"/> must be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelegramOptions.SectionName);
        services.AddOptions<TelegramOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());

        var configured = section.Get<TelegramOptions>() ?? new TelegramOptions();
        if (!configured.IsConfigured)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, (sp, http) =>
            {
                // Must outlast the long poll, or every quiet getUpdates would end in a client timeout.
                var polling = sp.GetRequiredService<IOptions<TelegramOptions>>().Value.PollingTimeoutSeconds;
                http.Timeout = TimeSpan.FromSeconds(polling + 30);
            })
            // The singleton client keeps this handler for its lifetime; recycling pooled connections
            // still lets it follow DNS changes.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(3) })
            // The default HttpClient logs request URLs, and Bot API URLs contain the token.
            .RemoveAllLoggers();

        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            var clientOptions = new TelegramBotClientOptions(options.BotToken!.Trim(), options.ApiBaseUrl.TrimEnd('/'))
            {
                // TelegramRetryPolicy handles 429 itself; the built-in retry would stall a chat for up to a minute.
                RetryThreshold = 0,
            };
            return new TelegramBotClient(clientOptions, http);
        });
        // A send is not retried at length inline: a flood wait there would hold up the whole polling batch, every
        // chat's acknowledgement with it. A failed reply is left to the outbox, which sends the chat's replies again
        // in order once its retry_after has passed (TelegramSender keeps the wait per chat).
        services.TryAddSingleton(new TelegramRetryPolicy { MaxRetryAfter = TimeSpan.Zero, MaxAttempts = 2 });
        services.AddSingleton<TelegramBotIdentity>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Media.IMediaFetcher, TelegramMediaFetcher>());
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TelegramSender>());
        if (configured.IsWebhookMode)
        {
            // Telegram refuses getUpdates while a webhook is set: polling must not run at all.
            services.AddHostedService<TelegramWebhookService>();
            services.AddSingleton<IWebhookReader, TelegramWebhookReader>();
            services.AddSingleton<IHttpRoutes, TelegramWebhookRoutes>();
            services.AddWebhookInbox();
        }
        else
        {
            services.AddSingleton<TelegramUpdateFetcher>();
            services.AddSingleton<TelegramBatchHandler>();
            services.AddHostedService<TelegramPollingService>();
        }

        return services;
    }
}
