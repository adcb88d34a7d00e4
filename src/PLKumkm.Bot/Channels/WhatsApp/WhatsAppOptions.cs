namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>Configuration section <c>WhatsApp</c> (Cloud API). Holds secrets: never log this object.</summary>
internal sealed class WhatsAppOptions
{
    public const string SectionName = "WhatsApp";
    public const string DefaultGraphBaseUrl = "https://graph.facebook.com/v21.0";

    /// <summary>The business phone number's id (not the number itself), from the app's WhatsApp API setup page.</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>A system-user (permanent) access token with the whatsapp_business_messaging permission.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The Meta app's secret: webhook bodies are signed with it.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The word typed into the app dashboard's webhook form; Meta echoes it when verifying the URL.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>Graph API root including the version; a test server on 127.0.0.1 goes here.</summary>
    public string GraphBaseUrl { get; set; } = DefaultGraphBaseUrl;

    /// <summary>True when the channel should run: it can send (number id and token are set).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(PhoneNumberId) && !string.IsNullOrWhiteSpace(AccessToken);

    /// <summary>True when any key is set: a half-filled section is a mistake worth stopping for.</summary>
    public bool IsMentioned =>
        !string.IsNullOrWhiteSpace(PhoneNumberId) || !string.IsNullOrWhiteSpace(AccessToken)
        || !string.IsNullOrWhiteSpace(AppSecret) || !string.IsNullOrWhiteSpace(VerifyToken);
}
