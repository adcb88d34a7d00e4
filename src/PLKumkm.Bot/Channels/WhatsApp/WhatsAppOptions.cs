namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>Configuration section <c>WhatsApp</c> (Cloud API). Holds secrets: never log this object.</summary>
internal sealed class WhatsAppOptions
{
    public const string SectionName = "WhatsApp";
    public const string DefaultGraphBaseUrl = "https://graph.facebook.com/v21.0";

    /// <summary>The template kind for replies that name none (e.g. a generic "you have a new message" template).</summary>
    public const string DefaultTemplateKind = "Default";

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

    /// <summary>Approved templates by kind (<c>WhatsApp:Templates:Default</c>, <c>…:reminder</c>…): see <see cref="WhatsAppTemplateOptions"/>.</summary>
    public Dictionary<string, WhatsAppTemplateOptions> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The template for a reply of <paramref name="kind"/> (null: <see cref="DefaultTemplateKind"/>), if configured.</summary>
    public WhatsAppTemplateOptions? TemplateFor(string? kind) =>
        Templates.FirstOrDefault(t => string.Equals(t.Key, kind ?? DefaultTemplateKind, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>True when the channel should run: it can send (number id and token are set).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(PhoneNumberId) && !string.IsNullOrWhiteSpace(AccessToken);

    /// <summary>True when any key is set: a half-filled section is a mistake worth stopping for.</summary>
    public bool IsMentioned =>
        !string.IsNullOrWhiteSpace(PhoneNumberId) || !string.IsNullOrWhiteSpace(AccessToken)
        || !string.IsNullOrWhiteSpace(AppSecret) || !string.IsNullOrWhiteSpace(VerifyToken);
}
