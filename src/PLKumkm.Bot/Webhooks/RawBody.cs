namespace PLKumkm.Bot.Webhooks;

/// <summary>Reads a request body as the exact bytes received (signatures are computed over them), with a cap.</summary>
internal static class RawBody
{
    /// <summary>WhatsApp bodies are at most about 3 MB; Telegram's far less.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct, int maxBytes = MaxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
