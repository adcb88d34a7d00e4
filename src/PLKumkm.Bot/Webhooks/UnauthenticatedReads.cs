using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Webhooks;

/// <summary>
/// The few places for reading a webhook body whose sender is not known yet (it is authenticated by a signature over
/// the body itself). Bounding them bounds the memory anyone on the internet can make the bot spend: at most
/// <see cref="WebhookOptions.MaxUnauthenticatedReads"/> bodies of at most their size limit.
/// </summary>
internal sealed class UnauthenticatedReads(IOptions<WebhookOptions> options)
{
    private readonly SemaphoreSlim _places = new(options.Value.MaxUnauthenticatedReads, options.Value.MaxUnauthenticatedReads);

    /// <summary>A place, to dispose once the body is authenticated or refused; null when all are taken.</summary>
    public Place? TryEnter() => _places.Wait(0) ? new Place(_places) : null;

    /// <summary>503 with <c>Retry-After</c>; the body is not read, and the connection is closed rather than drained.</summary>
    public IResult Busy(HttpResponse response)
    {
        response.Headers.RetryAfter = options.Value.BusyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.Connection = "close";
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    internal sealed class Place(SemaphoreSlim places) : IDisposable
    {
        private SemaphoreSlim? _places = places;

        public void Dispose() => Interlocked.Exchange(ref _places, null)?.Release();
    }
}
