using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Broadcasts;

/// <summary>
/// Configuration section <c>Broadcasts</c>: how fast a broadcast is handed to the channels. Telegram allows a bot about
/// 30 messages a second; WhatsApp's limit depends on the number's messaging tier (80 a second by default).
/// </summary>
internal sealed class BroadcastOptions
{
    public const string SectionName = "Broadcasts";

    public int TelegramPerSecond { get; set; } = 25;

    public int WhatsAppPerSecond { get; set; } = 40;
}

internal sealed class BroadcastOptionsValidator : IValidateOptions<BroadcastOptions>
{
    public ValidateOptionsResult Validate(string? name, BroadcastOptions o)
    {
        var failures = new List<string>();
        if (o.TelegramPerSecond is < 1 or > 10_000)
        {
            failures.Add($"{BroadcastOptions.SectionName}:{nameof(o.TelegramPerSecond)} must be between 1 and 10000.");
        }

        if (o.WhatsAppPerSecond is < 1 or > 10_000)
        {
            failures.Add($"{BroadcastOptions.SectionName}:{nameof(o.WhatsAppPerSecond)} must be between 1 and 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
