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
/// 131047: the person last wrote more than 24 hours ago, so only approved templates may be sent. The reply
/// stays in the outbox (it is not lost) and goes out with later retries if the person writes again.
/// </summary>
internal sealed class WhatsAppOutsideWindowException(int httpStatus)
    : WhatsAppApiException(httpStatus, WhatsAppErrorCodes.OutsideWindow);

internal static class WhatsAppErrorCodes
{
    public const int AppRateLimit = 4;
    public const int AccessTokenInvalid = 190;
    public const int AccountRateLimit = 80007;
    public const int Throughput = 130429;
    public const int OutsideWindow = 131047;
    public const int PairRateLimit = 131056;
    public const int NumberUpgrading = 131057;

    /// <summary>Limits that lift by themselves: waiting and trying again is the remedy.</summary>
    public static bool IsThrottling(int? code) =>
        code is AppRateLimit or AccountRateLimit or Throughput or PairRateLimit or NumberUpgrading;
}
