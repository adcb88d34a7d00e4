using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// Fails start-up with a message naming the wrong key. Messages never echo a value: these are secrets,
/// and start-up failures end up in logs and terminals.
/// </summary>
internal sealed class WhatsAppOptionsValidator : IValidateOptions<WhatsAppOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppOptions options)
    {
        var failures = new List<string>();

        if (!Uri.TryCreate(options.GraphBaseUrl, UriKind.Absolute, out var graph)
            || (graph.Scheme != Uri.UriSchemeHttp && graph.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"WhatsApp:GraphBaseUrl must be an absolute http(s) URL such as {WhatsAppOptions.DefaultGraphBaseUrl}.");
        }

        if (options.IsMentioned)
        {
            if (string.IsNullOrWhiteSpace(options.PhoneNumberId))
            {
                failures.Add("WhatsApp:PhoneNumberId is required for the WhatsApp channel (App Dashboard > WhatsApp > API Setup).");
            }
            else if (!options.PhoneNumberId.Trim().All(char.IsAsciiDigit))
            {
                failures.Add("WhatsApp:PhoneNumberId must be the numeric phone number ID from the API Setup page, not the phone number.");
            }

            Require(failures, options.AccessToken, "WhatsApp:AccessToken", "a system-user access token");
            Require(failures, options.AppSecret, "WhatsApp:AppSecret", "the app secret (App Dashboard > Settings > Basic); webhook signatures are checked with it");
            Require(failures, options.VerifyToken, "WhatsApp:VerifyToken", "the verify token you type in the app's webhook settings");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string? value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is required for the WhatsApp channel: {what}.");
        }
    }
}
