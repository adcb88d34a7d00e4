using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Retention;

namespace PLKumkm.Bot.Tests.Retention;

public sealed class RetentionOptionsTests
{
    [Theory]
    [InlineData("Retention:InboundUpdateDays", "7")]
    [InlineData("Retention:SentOutboxDays", "0")]
    [InlineData("Retention:UnreadableWebhookHours", "1000")]
    [InlineData("Retention:IntervalMinutes", "0")]
    [InlineData("Retention:AbandonedSessionDays", "2")]
    [InlineData("Retention:FinishedSessionDays", "-1")]
    public async Task A_period_out_of_range_stops_start_up_naming_the_key(string key, string value)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddRetention(scheduled: false);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_keep_duplicate_checks_past_the_channels_redelivery()
    {
        var options = new RetentionOptions();

        Assert.True(options.InboundUpdateDays > RetentionOptions.ChannelRedeliveryDays);
        Assert.True(new RetentionOptionsValidator().Validate(null, options).Succeeded);
    }
}
