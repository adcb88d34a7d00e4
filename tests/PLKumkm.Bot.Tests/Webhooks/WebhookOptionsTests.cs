using PLKumkm.Bot.Webhooks;

namespace PLKumkm.Bot.Tests.Webhooks;

public sealed class WebhookOptionsTests
{
    [Theory]
    [InlineData(nameof(WebhookOptions.WhatsAppMaxBodyBytes), 1024)]
    [InlineData(nameof(WebhookOptions.WhatsAppMaxBodyBytes), int.MaxValue)]
    [InlineData(nameof(WebhookOptions.TelegramMaxBodyBytes), 0)]
    [InlineData(nameof(WebhookOptions.MaxUnauthenticatedReads), 0)]
    [InlineData(nameof(WebhookOptions.MaxUnauthenticatedReads), 10_000)]
    [InlineData(nameof(WebhookOptions.BusyRetryAfterSeconds), 0)]
    [InlineData(nameof(WebhookOptions.BodyReadTimeoutSeconds), -5)]
    public void A_value_out_of_range_is_refused_naming_its_key(string key, int value)
    {
        var options = new WebhookOptions();
        typeof(WebhookOptions).GetProperty(key)!.SetValue(options, value);

        var result = new WebhookOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Webhooks:{key} must be between", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_hold_Meta_s_documented_3_MB_and_pass()
    {
        var options = new WebhookOptions();

        Assert.Equal(3 * 1024 * 1024, options.WhatsAppMaxBodyBytes);
        Assert.True(new WebhookOptionsValidator().Validate(null, options).Succeeded);
    }
}
