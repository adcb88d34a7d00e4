using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Messaging;

/// <summary>Fails start-up with the key that is out of range, rather than a pipeline that never sends.</summary>
internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.ChatsInParallel), options.ChatsInParallel, 1, 256);
        Check(failures, nameof(options.SendAttempts), options.SendAttempts, 1, 10_000);
        Check(failures, nameof(options.RetryIntervalSeconds), options.RetryIntervalSeconds, 1, 3600);
        Check(failures, nameof(options.RetryAfterSeconds), options.RetryAfterSeconds, 1, 86_400);
        Check(failures, nameof(options.SendClaimSeconds), options.SendClaimSeconds, 5, 3_600);
        Check(failures, nameof(options.RetryBatchSize), options.RetryBatchSize, 1, 10_000);
        Check(failures, nameof(options.BacklogBatchSize), options.BacklogBatchSize, 1, 10_000);
        Check(failures, nameof(options.StopFlushSeconds), options.StopFlushSeconds, 1, 3600);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{MessagingOptions.SectionName}:{key} must be between {min} and {max}.");
        }
    }
}
