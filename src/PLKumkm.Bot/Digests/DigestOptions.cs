using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Digests;

/// <summary>Configuration section <c>Digests</c>: when the daily digests are looked at and their default time.</summary>
internal sealed class DigestOptions
{
    public const string SectionName = "Digests";

    /// <summary>How often the bot looks for digests that are due (each goes out within this much of its time).</summary>
    public int CheckIntervalSeconds { get; set; } = 60;

    /// <summary>The local time of a digest when <c>/langganan</c> names none, as <c>HH.mm</c> or <c>HH:mm</c>.</summary>
    public string DefaultTime { get; set; } = "07.00";

    public TimeSpan CheckInterval => TimeSpan.FromSeconds(CheckIntervalSeconds);

    public int DefaultMinute => DigestTime.Parse(DefaultTime) ?? 7 * 60;
}

internal sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var failures = new List<string>();
        if (options.CheckIntervalSeconds is < 5 or > 3600)
        {
            failures.Add($"{DigestOptions.SectionName}:{nameof(options.CheckIntervalSeconds)} must be between 5 and 3600.");
        }

        if (DigestTime.Parse(options.DefaultTime) is null)
        {
            failures.Add($"{DigestOptions.SectionName}:{nameof(options.DefaultTime)} must be a time of day such as 07.00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
