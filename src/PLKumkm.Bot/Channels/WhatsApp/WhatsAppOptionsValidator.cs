using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// Fails start-up with a message naming the wrong key. Messages never echo a value: these are secrets,
/// and start-up failures end up in logs and terminals.
/// </summary>
internal sealed partial class WhatsAppOptionsValidator : IValidateOptions<WhatsAppOptions>
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

        foreach (var (kind, template) in options.Templates)
        {
            ValidateTemplate(failures, kind, template);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Template names and languages are not secrets, but are still not echoed: the key says where to look.</summary>
    private static void ValidateTemplate(List<string> failures, string kind, WhatsAppTemplateOptions? template)
    {
        var key = $"WhatsApp:Templates:{kind}";
        if (template is null || string.IsNullOrWhiteSpace(template.Name))
        {
            failures.Add($"{key}:Name is required: the approved template's name in WhatsApp Manager.");
            return;
        }

        if (!TemplateName().IsMatch(template.Name))
        {
            failures.Add($"{key}:Name must be the template's name as approved (lowercase letters, digits and underscores).");
        }

        if (string.IsNullOrWhiteSpace(template.Language) || !LanguageCode().IsMatch(template.Language))
        {
            failures.Add($"{key}:Language must be the approved translation's language code, such as id or en_US.");
        }

        if (template.Parameters is < 0 or > MaxTemplateParameters)
        {
            failures.Add($"{key}:Parameters must be between 0 and {MaxTemplateParameters}: the number of body parameters of the approved template.");
        }
    }

    private const int MaxTemplateParameters = 20;

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial System.Text.RegularExpressions.Regex TemplateName();

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial System.Text.RegularExpressions.Regex LanguageCode();

    private static void Require(List<string> failures, string? value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is required for the WhatsApp channel: {what}.");
        }
    }
}
