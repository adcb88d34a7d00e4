namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>Configuration section <c>Telegram</c>. The token is a secret: never log this object.</summary>
internal sealed class TelegramOptions
{
    public const string SectionName = "Telegram";
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    public string? BotToken { get; set; }

    /// <summary>Bot API server; only scheme, host and port are used by the client library.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>When set, Telegram posts updates to this public https URL (ending in
    /// <c>/webhooks/telegram</c>) instead of the bot polling for them.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Telegram sends it back in <c>X-Telegram-Bot-Api-Secret-Token</c>; requests without it are refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Long-poll duration of one getUpdates call.</summary>
    public int PollingTimeoutSeconds { get; set; } = 30;

    /// <summary>True when a bot token is set, i.e. the Telegram channel should run.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>True when updates arrive by webhook; the polling service must not run then.</summary>
    public bool IsWebhookMode => !string.IsNullOrWhiteSpace(WebhookUrl);
}
