using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Webhooks;

namespace PLKumkm.Bot.Hosting;

/// <summary><c>GET /healthz</c>: 200 <c>{"status":"ok"}</c> when the database answers a cheap query, 503 otherwise.</summary>
internal sealed partial class HealthRoutes(ILogger<HealthRoutes> logger) : IHttpRoutes
{
    public const string Path = "/healthz";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public void Map(IEndpointRouteBuilder routes) => routes.MapGet(Path, CheckAsync);

    private async Task<IResult> CheckAsync(BotDbContext db, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            // A real table, not "SELECT 1": a missing or unmigrated database file must not count as healthy.
            await db.InboundUpdates.AsNoTracking().AnyAsync(timeout.Token);
            return Results.Json(new { status = "ok" });
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogUnhealthy(e.GetType().Name);
            return Results.Json(new { status = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check failed: the database did not answer ({Failure})")]
    private partial void LogUnhealthy(string failure);
}
