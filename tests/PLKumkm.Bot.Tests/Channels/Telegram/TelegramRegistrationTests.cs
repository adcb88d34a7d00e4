using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Channels.Telegram;
using PLKumkm.Bot.Messaging;
using Telegram.Bot;

namespace PLKumkm.Bot.Tests.Channels.Telegram;

public sealed class TelegramRegistrationTests
{
    [Fact]
    public void WithoutATokenOnlyTheOptionsAreRegistered()
    {
        using var provider = Build(new() { ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:1" });

        var options = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        Assert.False(options.IsConfigured);
        Assert.Equal(30, options.PollingTimeoutSeconds);
        Assert.Empty(provider.GetServices<IChannelSender>());
        Assert.Empty(provider.GetServices<IHostedService>());
        Assert.Null(provider.GetService<ITelegramBotClient>());
    }

    [Fact]
    public void WithATokenTheChannelIsRegistered()
    {
        using var provider = Build(new() { ["Telegram:BotToken"] = "123456:TEST" });

        Assert.True(provider.GetRequiredService<IOptions<TelegramOptions>>().Value.IsConfigured);
        Assert.Equal("https://api.telegram.org", provider.GetRequiredService<IOptions<TelegramOptions>>().Value.ApiBaseUrl);
        Assert.Equal("telegram", Assert.Single(provider.GetServices<IChannelSender>()).Channel);
        Assert.IsType<TelegramPollingService>(Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Equal(123456, provider.GetRequiredService<ITelegramBotClient>().BotId);
    }

    [Theory]
    [InlineData("Telegram:ApiBaseUrl", "ftp://example.org", "Telegram:ApiBaseUrl")]
    [InlineData("Telegram:ApiBaseUrl", "api.telegram.org", "Telegram:ApiBaseUrl")]
    [InlineData("Telegram:BotToken", "not-a-token-secret", "Telegram:BotToken")]
    [InlineData("Telegram:PollingTimeoutSeconds", "0", "Telegram:PollingTimeoutSeconds")]
    [InlineData("Telegram:WebhookSecret", "with space", "Telegram:WebhookSecret")]
    public async Task InvalidSettingsStopStartUpWithAClearMessage(string key, string value, string expectedKey)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddTelegramChannel(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expectedKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-token-secret", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTelegramChannel(configuration);
        return services.BuildServiceProvider();
    }
}
