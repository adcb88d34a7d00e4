using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Media;

/// <summary>Fails start-up with the key that is out of range.</summary>
internal sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    private const long MinBytes = 1024;
    private const long MaxBytes = 100L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, MediaOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBytes < MinBytes || options.MaxBytes > MaxBytes)
        {
            failures.Add($"{MediaOptions.SectionName}:{nameof(options.MaxBytes)} must be between {MinBytes} and {MaxBytes} bytes "
                + $"(Telegram bots can download at most {MediaOptions.TelegramDownloadLimit}).");
        }

        if (options.UnreferencedHours < 1 || options.UnreferencedHours > 24 * 365)
        {
            failures.Add($"{MediaOptions.SectionName}:{nameof(options.UnreferencedHours)} must be between 1 and {24 * 365}.");
        }

        if (options.Directory is { } folder && (folder.Trim().Length == 0 || folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            failures.Add($"{MediaOptions.SectionName}:{nameof(options.Directory)} must be a folder path.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
