using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>
/// Received media as Meta serves it: <c>GET /{version}/{media-id}</c> answers url, mime_type, sha256, file_size; the
/// url answers the bytes. Both need the bearer token (401 with code 190 otherwise). An id the test did not add is
/// served a small JPEG of its own; <see cref="ForgetMedia"/> makes an id unknown (404, code 100), as after 30 days.
/// </summary>
public sealed partial class FakeGraphApi
{
    private const string DownloadPrefix = "/media-download/";
    private readonly Dictionary<string, FakeFile> _inboundMedia = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forgotten = new(StringComparer.Ordinal);
    private readonly List<string> _downloads = [];

    /// <summary>What <paramref name="mediaId"/> serves (bytes and the type Meta declares).</summary>
    public void AddMedia(string mediaId, byte[] content, string mimeType = "image/jpeg")
    {
        lock (_gate)
        {
            _inboundMedia[mediaId] = new FakeFile(content, mimeType);
            _forgotten.Remove(mediaId);
        }
    }

    public void ForgetMedia(string mediaId)
    {
        lock (_gate)
        {
            _forgotten.Add(mediaId);
        }
    }

    /// <summary>The bytes <paramref name="mediaId"/> serves (registered or generated).</summary>
    public byte[] MediaBytes(string mediaId)
    {
        lock (_gate)
        {
            return InboundMedia(mediaId).Content;
        }
    }

    /// <summary>Media ids whose bytes the bot downloaded, in order.</summary>
    public IReadOnlyList<string> MediaDownloads
    {
        get { lock (_gate) { return [.. _downloads]; } }
    }

    // Callers hold _gate.
    private FakeFile InboundMedia(string mediaId) =>
        _inboundMedia.TryGetValue(mediaId, out var file) ? file : new FakeFile(FakeMedia.Jpeg(mediaId), "image/jpeg");

    private async Task HandleGetAsync(HttpContext context, TimeSpan at)
    {
        var path = context.Request.Path.Value ?? "";
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + AccessToken)
        {
            await RespondErrorAsync(context, at, default, 401, 190, "Error validating access token").ConfigureAwait(false);
            return;
        }

        if (path.StartsWith(DownloadPrefix, StringComparison.Ordinal))
        {
            var id = Uri.UnescapeDataString(path[DownloadPrefix.Length..]);
            FakeFile? file;
            lock (_gate)
            {
                file = _forgotten.Contains(id) ? null : InboundMedia(id);
                if (file is not null)
                {
                    _downloads.Add(id);
                }
            }

            if (file is null)
            {
                Record(context, at, default, 404, null);
                context.Response.StatusCode = 404;
                return;
            }

            Record(context, at, default, 200, null);
            context.Response.StatusCode = 200;
            context.Response.ContentType = file.MimeType;
            context.Response.ContentLength = file.Content.Length;
            await context.Response.Body.WriteAsync(file.Content).ConfigureAwait(false);
            return;
        }

        var match = MediaPathPattern().Match(path);
        if (!match.Success)
        {
            await RespondErrorAsync(context, at, default, 404, 100, "Unknown path components").ConfigureAwait(false);
            return;
        }

        var mediaId = Uri.UnescapeDataString(match.Groups["id"].Value);
        FakeFile? media;
        lock (_gate)
        {
            media = _forgotten.Contains(mediaId) ? null : InboundMedia(mediaId);
        }

        if (media is null)
        {
            await RespondErrorAsync(context, at, default, 404, 100,
                $"Unsupported get request. Object with ID '{mediaId}' does not exist").ConfigureAwait(false);
            return;
        }

        var root = BaseUrl[..BaseUrl.LastIndexOf('/')];
        await RespondAsync(context, at, default, 200, null, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["url"] = root + DownloadPrefix + Uri.EscapeDataString(mediaId),
            ["mime_type"] = media.MimeType,
            ["sha256"] = FakeMedia.Sha256Hex(media.Content),
            ["file_size"] = media.Content.Length.ToString(CultureInfo.InvariantCulture),
            ["id"] = mediaId,
        }).ConfigureAwait(false);
    }

    [GeneratedRegex(@"^/v\d+\.\d+/(?<id>[^/]+)$")]
    private static partial Regex MediaPathPattern();
}
