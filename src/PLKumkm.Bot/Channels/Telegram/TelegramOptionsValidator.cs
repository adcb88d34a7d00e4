using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>
/// Fails start-up with a message that says which key is wrong. Messages never echo the token,
/// because start-up failures end up in logs and terminals.
/// </summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public const int MaxPollingTimeoutSeconds = 90;

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();

        if (!IsHttpUri(options.ApiBaseUrl))
        {
            failures.Add($"Telegram:ApiBaseUrl must be an absolute http(s) URL such as {TelegramOptions.DefaultApiBaseUrl}.");
        }

        if (options.IsConfigured && !TokenPattern().IsMatch(options.BotToken!.Trim()))
        {
            failures.Add("Telegram:BotToken does not look like a bot token (\"<digits>:<token>\" as given by @BotFather).");
        }

        if (options.PollingTimeoutSeconds is < 1 or > MaxPollingTimeoutSeconds)
        {
            failures.Add($"Telegram:PollingTimeoutSeconds must be between 1 and {MaxPollingTimeoutSeconds}.");
        }

        if (options.IsWebhookMode && !IsWebhookUri(options.WebhookUrl!))
        {
            failures.Add("Telegram:WebhookUrl must be an absolute https URL (Telegram only posts to https; "
                + "http is allowed for localhost/127.0.0.1 in tests), e.g. https://bot.example.org/webhooks/telegram.");
        }

        if (options.IsWebhookMode && string.IsNullOrEmpty(options.WebhookSecret))
        {
            failures.Add("Telegram:WebhookSecret is required when Telegram:WebhookUrl is set: "
                + "1-256 characters of A-Z, a-z, 0-9, _ and - (requests without it are refused).");
        }
        else if (!string.IsNullOrEmpty(options.WebhookSecret) && !SecretPattern().IsMatch(options.WebhookSecret))
        {
            failures.Add("Telegram:WebhookSecret must be 1-256 characters of A-Z, a-z, 0-9, _ and -.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsWebhookUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    // The library itself requires a numeric bot id of at most 16 digits before the colon.
    [GeneratedRegex("^[0-9]{1,16}:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
