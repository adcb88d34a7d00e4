using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// A Graph API call failed. Carries the HTTP status and the Cloud API error code only: error texts and
/// details may quote what was sent, which can be personal data.
/// </summary>
internal class WhatsAppApiException(int httpStatus, int? errorCode, string? errorType = null)
    : Exception($"WhatsApp Cloud API error {errorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} (HTTP {httpStatus})")
{
    public int HttpStatus { get; } = httpStatus;

    /// <summary><c>error.code</c> of the response (e.g. 130429), when the body had one.</summary>
    public int? ErrorCode { get; } = errorCode;

    public string? ErrorType { get; } = errorType;
}

/// <summary>
/// 131047: the person last wrote more than 24 hours ago, so only approved templates may be sent. Thrown on when no
/// template is configured for the reply: the outbox keeps it, marked failed, and does not retry it.
/// </summary>
internal sealed class WhatsAppOutsideWindowException(int httpStatus, bool templateConfigured = true)
    : WhatsAppApiException(httpStatus, WhatsAppErrorCodes.OutsideWindow)
{
    /// <summary>False once the sender found no template to send instead.</summary>
    public bool TemplateConfigured { get; } = templateConfigured;
}

internal static class WhatsAppErrorCodes
{
    public const int AppRateLimit = 4;
    public const int Experiment = 130472;
    public const int Undeliverable = 131026;
    public const int Unknown = 131000;
    public const int ServiceUnavailable = 131016;
    public const int EcosystemEngagement = 131049;
    public const int MarketingOptOut = 131050;
    public const int UnsupportedType = 131051;
    public const int ReEngagementBusy = 133004;
    public const int AccessTokenInvalid = 190;
    public const int AccountRateLimit = 80007;
    public const int Throughput = 130429;
    public const int OutsideWindow = 131047;
    public const int PairRateLimit = 131056;
    public const int NumberUpgrading = 131057;

    /// <summary>
    /// What a code says of a message that did not reach the person: 131026 (not on WhatsApp, old app, terms not
    /// accepted) is about the number, so nothing more goes there until they write; the window (131047), an
    /// experiment (130472), 131049-131051 and template errors (132xxx) are final for this message; throttling and transient server errors
    /// (131000, 131016, 133004) pass, like every code not known here.
    /// </summary>
    public static DeliveryFailure Classify(int code) => code switch
    {
        Undeliverable => DeliveryFailure.Unreachable,
        OutsideWindow or Experiment or EcosystemEngagement or MarketingOptOut or UnsupportedType => DeliveryFailure.Permanent,
        // 132xxx: the template itself (not approved, paused, wrong parameters): resending the same cannot help.
        >= 132000 and < 133000 => DeliveryFailure.Permanent,
        _ => DeliveryFailure.Retry,
    };

    /// <summary>Limits that lift by themselves: waiting and trying again is the remedy.</summary>
    public static bool IsThrottling(int? code) =>
        code is AppRateLimit or AccountRateLimit or Throughput or PairRateLimit or NumberUpgrading;
}
