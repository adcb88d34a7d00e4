using PLKumkm.Bot.Tests.EndToEnd;
using W = PLKumkm.Bot.Tests.Fakes.FakeWhatsAppWebhooks;

namespace PLKumkm.Bot.Tests.Observability;

/// <summary><c>GET /metrics</c> scraped as Prometheus would, on the same listener as the webhooks.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_count_updates_duplicates_and_replies_in_the_Prometheus_text_format()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);
        var id = W.NewMessageId();
        await bot.SendAsync(W.Text(WhatsAppBotSession.User, "halo", id));
        // Meta sends the same message again: one more duplicate, no second update.
        await bot.SendAsync(W.Text(WhatsAppBotSession.User, "halo", id));

        using var response = await bot.Http.GetAsync(bot.BaseAddress + "/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("plkumkm_updates_received_total{channel=\"whatsapp\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("plkumkm_updates_duplicate_total{channel=\"whatsapp\"} 1", text, StringComparison.Ordinal);
        Assert.Matches("plkumkm_replies_sent_total\\{channel=\"whatsapp\"\\} [1-9]", text);
        Assert.Contains("plkumkm_outbox_backlog 0", text, StringComparison.Ordinal);
        Assert.Contains("plkumkm_webhook_inbox_backlog 0", text, StringComparison.Ordinal);
        Assert.DoesNotContain(WhatsAppBotSession.User, text, StringComparison.Ordinal);
    }
}
