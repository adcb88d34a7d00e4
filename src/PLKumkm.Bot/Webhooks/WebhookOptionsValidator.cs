using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Webhooks;

/// <summary>Fails start-up with the key that is out of range.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    private const int MinBodyBytes = 64 * 1024;
    private const int MaxBodyBytes = 64 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.WhatsAppMaxBodyBytes), options.WhatsAppMaxBodyBytes, MinBodyBytes, MaxBodyBytes);
        Check(failures, nameof(options.TelegramMaxBodyBytes), options.TelegramMaxBodyBytes, MinBodyBytes, MaxBodyBytes);
        Check(failures, nameof(options.MaxUnauthenticatedReads), options.MaxUnauthenticatedReads, 1, 256);
        Check(failures, nameof(options.BusyRetryAfterSeconds), options.BusyRetryAfterSeconds, 1, 3600);
        Check(failures, nameof(options.BodyReadTimeoutSeconds), options.BodyReadTimeoutSeconds, 1, 600);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{WebhookOptions.SectionName}:{key} must be between {min} and {max}.");
        }
    }
}
