using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>
/// One HTTP/1.1 POST written by hand on a TCP socket, as an attacker would: the headers first, then the body in
/// pieces (declared by <c>Content-Length</c> or chunked) while the response is read at the same time, so a server
/// that answers early (413, 503) is seen answering, and how much of the body it let in is known.
/// </summary>
public sealed class RawHttpPost : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly bool _chunked;
    private readonly Task<RawHttpResponse> _response;
    private long _bodyBytesSent;

    private RawHttpPost(TcpClient tcp, bool chunked)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _chunked = chunked;
        _response = ReadResponseAsync(_stream);
    }

    /// <summary>Body bytes written so far (without chunk framing); writes the server refused to take are not counted.</summary>
    public long BodyBytesSent => Interlocked.Read(ref _bodyBytesSent);

    /// <summary>Completes when the status line and headers (and a short body) have arrived.</summary>
    public Task<RawHttpResponse> Response => _response;

    /// <summary>Connects and sends the request head. <paramref name="contentLength"/> null: chunked.</summary>
    public static async Task<RawHttpPost> StartAsync(string url, long? contentLength, params (string Name, string Value)[] headers)
    {
        var uri = new Uri(url);
        var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port).ConfigureAwait(false);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"POST {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/json\r\n");
        head.Append(contentLength is { } length ? $"Content-Length: {length.ToString(CultureInfo.InvariantCulture)}\r\n" : "Transfer-Encoding: chunked\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        var post = new RawHttpPost(tcp, contentLength is null);
        await post._stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString())).ConfigureAwait(false);
        return post;
    }

    /// <summary>Writes part of the body; false once the server has stopped taking it (answered and closed).</summary>
    public async Task<bool> SendAsync(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            if (_chunked)
            {
                await _stream.WriteAsync(Encoding.ASCII.GetBytes(bytes.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n")).ConfigureAwait(false);
                await _stream.WriteAsync(bytes).ConfigureAwait(false);
                await _stream.WriteAsync("\r\n"u8.ToArray()).ConfigureAwait(false);
            }
            else
            {
                await _stream.WriteAsync(bytes).ConfigureAwait(false);
            }

            Interlocked.Add(ref _bodyBytesSent, bytes.Length);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Ends a chunked body.</summary>
    public async Task EndAsync()
    {
        if (_chunked)
        {
            try
            {
                await _stream.WriteAsync("0\r\n\r\n"u8.ToArray()).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Answered and closed already; the response says what happened.
            }
        }
    }

    /// <summary>
    /// Sends up to <paramref name="total"/> body bytes in pieces of <paramref name="piece"/>, stopping as soon as the
    /// server answers or stops reading, then waits for the response.
    /// </summary>
    public async Task<RawHttpResponse> SendUntilAnsweredAsync(ReadOnlyMemory<byte> piece, long total)
    {
        for (long sent = 0; sent < total && !_response.IsCompleted;)
        {
            var next = piece[..(int)Math.Min(piece.Length, total - sent)];
            if (!await SendAsync(next).ConfigureAwait(false))
            {
                break;
            }

            sent += next.Length;
        }

        if (!_response.IsCompleted)
        {
            await EndAsync().ConfigureAwait(false);
        }

        return await _response.ConfigureAwait(false);
    }

    /// <summary>Sends a whole body (in one piece) and returns the response.</summary>
    public static async Task<RawHttpResponse> PostAsync(string url, byte[] body, bool chunked, params (string Name, string Value)[] headers)
    {
        await using var post = await StartAsync(url, chunked ? null : body.Length, headers).ConfigureAwait(false);
        return await post.SendUntilAnsweredAsync(body, body.Length).ConfigureAwait(false);
    }

    private static async Task<RawHttpResponse> ReadResponseAsync(NetworkStream stream)
    {
        await Task.Yield();
        var received = new List<byte>();
        var buffer = new byte[4096];
        int end;
        while ((end = IndexOfHeadEnd(received)) < 0)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new IOException($"connection ended before a response ({received.Count} bytes received)", e);
            }

            if (read == 0)
            {
                throw new IOException($"connection closed before a response ({received.Count} bytes received)");
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var lines = Encoding.ASCII.GetString(received.GetRange(0, end).ToArray()).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return new RawHttpResponse(status, headers);
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
        try
        {
            await _response.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // Closed by us before the server answered: nothing to report.
        }
    }
}

public sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers);
