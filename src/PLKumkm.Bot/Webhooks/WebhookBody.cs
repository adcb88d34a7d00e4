using System.Buffers;

namespace PLKumkm.Bot.Webhooks;

/// <summary>
/// A request body read once, as the exact bytes received (signatures are computed over them), into memory rented
/// from a pool and given back on <see cref="Dispose"/>. The size limit is enforced from
/// <c>Content-Length</c> before anything is read and, for chunked bodies, while reading: nothing beyond the limit is
/// ever held. A refused body carries the answer to give (<see cref="Refusal"/>).
/// </summary>
internal sealed class WebhookBody : IDisposable
{
    private const int FirstChunk = 16 * 1024;

    // Its own pool, not the shared one: the shared pool keeps an array per thread, so bodies of megabytes would stay
    // cached on every thread that ever read one. This one keeps a few per size and allocates (unpooled) beyond that.
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 4 * 1024 * 1024, maxArraysPerBucket: 8);

    private byte[]? _buffer;
    private readonly int _length;

    private WebhookBody(byte[]? buffer, int length, IResult? refusal)
    {
        _buffer = buffer;
        _length = length;
        Refusal = refusal;
    }

    /// <summary>Null when the body was read whole; otherwise 413, 408 or 400, and <see cref="Bytes"/> is empty.</summary>
    public IResult? Refusal { get; }

    public ReadOnlySpan<byte> Bytes => _buffer is null ? [] : _buffer.AsSpan(0, _length);

    /// <summary>Reads the body of <paramref name="request"/> if it fits in <paramref name="maxBytes"/> and arrives within
    /// <paramref name="timeout"/>.</summary>
    public static async Task<WebhookBody> ReadAsync(HttpRequest request, int maxBytes, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return Refuse(request, StatusCodes.Status413PayloadTooLarge);
        }

        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        var buffer = Pool.Rent(request.ContentLength is { } declared ? (int)declared + 1 : FirstChunk);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        return Refuse(request, StatusCodes.Status413PayloadTooLarge, ref buffer);
                    }

                    var larger = Pool.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    Pool.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), linked.Token);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return Refuse(request, StatusCodes.Status413PayloadTooLarge, ref buffer);
                }
            }
        }
        catch (BadHttpRequestException e)
        {
            return Refuse(request, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? e.StatusCode : StatusCodes.Status400BadRequest, ref buffer);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return Refuse(request, StatusCodes.Status408RequestTimeout, ref buffer);
        }
        catch
        {
            Pool.Return(buffer);
            throw;
        }

        return new WebhookBody(buffer, length, refusal: null);
    }

    private static WebhookBody Refuse(HttpRequest request, int status, ref byte[] buffer)
    {
        Pool.Return(buffer);
        buffer = [];
        return Refuse(request, status);
    }

    /// <summary>The rest of a refused body is not wanted: closing the connection saves reading (or draining) it.</summary>
    private static WebhookBody Refuse(HttpRequest request, int status)
    {
        request.HttpContext.Response.Headers.Connection = "close";
        return new WebhookBody(null, 0, Results.StatusCode(status));
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            Pool.Return(buffer);
        }
    }
}
