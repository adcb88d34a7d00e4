using PLKumkm.Bot.Channels.Telegram;
using PLKumkm.Bot.Channels.WhatsApp;

namespace PLKumkm.Bot.Tests.Channels.WhatsApp;

/// <summary>Start-up validation of the WhatsApp section and of Telegram's webhook keys.</summary>
public sealed class WhatsAppOptionsValidatorTests
{
    private static WhatsAppOptions Complete() => new()
    {
        PhoneNumberId = "106540352242922",
        AccessToken = "EAAG-secret-token",
        AppSecret = "app-secret-value",
        VerifyToken = "verify-me",
    };

    private static IReadOnlyList<string> Failures(WhatsAppOptions options) =>
        new WhatsAppOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void A_complete_section_and_an_absent_one_are_valid()
    {
        Assert.Empty(Failures(Complete()));
        Assert.True(Complete().IsConfigured);
        Assert.Empty(Failures(new WhatsAppOptions()));
        Assert.False(new WhatsAppOptions().IsConfigured);
        Assert.Equal("https://graph.facebook.com/v21.0", new WhatsAppOptions().GraphBaseUrl);
    }

    [Fact]
    public void Templates_need_an_approved_name_a_language_code_and_a_parameter_count()
    {
        var options = Complete();
        options.Templates["Default"] = new WhatsAppTemplateOptions { Name = "pesan_baru", Language = "id", Parameters = 1 };
        options.Templates["reminder"] = new WhatsAppTemplateOptions { Name = "pengingat_isian", Language = "en_US" };
        Assert.Empty(Failures(options));

        options.Templates["notice"] = new WhatsAppTemplateOptions { Name = "Pesan Baru!", Language = "Indonesian", Parameters = -1 };
        options.Templates["empty"] = new WhatsAppTemplateOptions();
        var failures = Failures(options);
        Assert.Contains(failures, f => f.StartsWith("WhatsApp:Templates:notice:Name must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("WhatsApp:Templates:notice:Language must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("WhatsApp:Templates:notice:Parameters must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("WhatsApp:Templates:empty:Name is required", StringComparison.Ordinal));
        Assert.Equal(4, failures.Count);
    }

    [Fact]
    public void App_secret_and_verify_token_are_required_once_the_channel_is_configured()
    {
        var options = Complete();
        options.AppSecret = "";
        options.VerifyToken = null;
        var failures = Failures(options);
        Assert.Contains(failures, f => f.StartsWith("WhatsApp:AppSecret is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("WhatsApp:VerifyToken is required", StringComparison.Ordinal));
    }

    [Fact]
    public void A_half_filled_section_names_the_missing_key_and_never_echoes_a_secret()
    {
        var options = new WhatsAppOptions { AccessToken = "EAAG-secret-token" };
        var failures = Failures(options);
        Assert.Contains(failures, f => f.StartsWith("WhatsApp:PhoneNumberId is required", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.DoesNotContain("EAAG-secret-token", f));
    }

    [Theory]
    [InlineData("+62 812 3456 7890")]
    [InlineData("1065/../me")]
    public void The_phone_number_id_must_be_the_numeric_id(string id)
    {
        var options = Complete();
        options.PhoneNumberId = id;
        Assert.Contains(Failures(options), f => f.Contains("numeric phone number ID", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("graph.facebook.com/v21.0")]
    [InlineData("ftp://graph.facebook.com")]
    public void The_graph_base_url_must_be_absolute_http(string url)
    {
        var options = Complete();
        options.GraphBaseUrl = url;
        Assert.Contains(Failures(options), f => f.StartsWith("WhatsApp:GraphBaseUrl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://bot.example.org/webhooks/telegram", "s3cr3t_T0ken-x", true)]
    [InlineData("http://127.0.0.1:8080/webhooks/telegram", "abc", true)]
    [InlineData("http://localhost/webhooks/telegram", "abc", true)]
    [InlineData("http://bot.example.org/webhooks/telegram", "abc", false)]
    [InlineData("https://bot.example.org/webhooks/telegram", null, false)]
    [InlineData("https://bot.example.org/webhooks/telegram", "has space", false)]
    [InlineData(null, null, true)]
    public void Telegram_webhook_mode_needs_https_and_a_secret(string? url, string? secret, bool valid)
    {
        var options = new TelegramOptions { BotToken = "123456:TEST", WebhookUrl = url, WebhookSecret = secret };
        var result = new TelegramOptionsValidator().Validate(null, options);
        Assert.Equal(valid, result.Succeeded);
        Assert.Equal(url is not null, options.IsWebhookMode);
    }
}
