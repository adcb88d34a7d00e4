using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PLKumkm.Bot.Webhooks;
using Prometheus;

namespace PLKumkm.Bot.Observability;

/// <summary><c>GET /metrics</c>: <see cref="BotMetrics"/> in the Prometheus text format, on the listener of <c>/healthz</c>.</summary>
internal sealed class MetricsRoutes(BotMetrics metrics) : IHttpRoutes
{
    public const string Path = "/metrics";

    public void Map(IEndpointRouteBuilder routes) => routes.MapGet(Path, async (HttpContext context, CancellationToken ct) =>
    {
        context.Response.ContentType = PrometheusConstants.TextContentTypeWithVersionAndEncoding;
        await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, ct);
    });
}
