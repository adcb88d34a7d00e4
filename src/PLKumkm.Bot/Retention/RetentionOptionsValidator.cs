using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Retention;

/// <summary>Fails start-up with the key that is out of range, and says why for the duplicate-check window.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    private const int TenYears = 3650;

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.IntervalMinutes), options.IntervalMinutes, 1, 7 * 24 * 60);
        Check(failures, nameof(options.UnreadableWebhookHours), options.UnreadableWebhookHours, 1, 7 * 24);
        Check(failures, nameof(options.ProcessedWebhookDays), options.ProcessedWebhookDays, 1, TenYears);
        Check(failures, nameof(options.SentOutboxDays), options.SentOutboxDays, 1, TenYears);
        Check(failures, nameof(options.WithdrawnHistoryDays), options.WithdrawnHistoryDays, 0, TenYears);
        Check(failures, nameof(options.FinishedSessionDays), options.FinishedSessionDays, 0, TenYears);
        // Shorter than the reminders' three days would delete a form before its owner was reminded of it.
        Check(failures, nameof(options.AbandonedSessionDays), options.AbandonedSessionDays, 4, TenYears);
        if (options.InboundUpdateDays <= RetentionOptions.ChannelRedeliveryDays || options.InboundUpdateDays > TenYears)
        {
            failures.Add($"{RetentionOptions.SectionName}:{nameof(options.InboundUpdateDays)} must be between "
                + $"{RetentionOptions.ChannelRedeliveryDays + 1} and {TenYears}: WhatsApp redelivers a webhook for up to "
                + $"{RetentionOptions.ChannelRedeliveryDays} days, and a redelivered message must still be recognised.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{RetentionOptions.SectionName}:{key} must be between {min} and {max}.");
        }
    }
}
