using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Tests.Messaging;

public sealed class MessagingOptionsTests
{
    [Fact]
    public void Without_a_Messaging_section_the_tuned_defaults_apply()
    {
        using var host = Build([]);

        var options = host.Services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        Assert.Equal(16, options.ChatsInParallel);
        Assert.Equal(50, options.SendAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RetryAfter);
        Assert.Equal(200, options.RetryBatchSize);
        Assert.Equal(100, options.BacklogBatchSize);
        Assert.Equal(TimeSpan.FromSeconds(10), options.StopFlush);
    }

    [Fact]
    public void A_setting_in_the_Messaging_section_is_used()
    {
        using var host = Build(new() { ["Messaging:ChatsInParallel"] = "4", ["Messaging:RetryAfterSeconds"] = "60" });

        var options = host.Services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        Assert.Equal(4, options.ForChats(CancellationToken.None).MaxDegreeOfParallelism);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RetryAfter);
    }

    [Theory]
    [InlineData("Messaging:ChatsInParallel", "0")]
    [InlineData("Messaging:SendAttempts", "-1")]
    [InlineData("Messaging:RetryIntervalSeconds", "0")]
    [InlineData("Messaging:BacklogBatchSize", "0")]
    public async Task An_out_of_range_limit_stops_start_up_naming_the_key(string key, string value)
    {
        using var host = Build(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System).AddMessaging();
        return builder.Build();
    }
}
