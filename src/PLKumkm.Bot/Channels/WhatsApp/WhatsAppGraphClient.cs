using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>The Cloud API calls the bot makes: send a message, upload media, look up and download received media. No retries here (see <see cref="WhatsAppRetryPolicy"/>).</summary>
internal sealed class WhatsAppGraphClient(IHttpClientFactory clients, IOptions<WhatsAppOptions> options)
{
    public const string HttpClientName = "whatsapp";

    /// <summary>Posts a message body; returns the new message's id (wamid).</summary>
    public async Task<string?> SendMessageAsync(JsonObject body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint("messages"))
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await SendAsync(request, ct);
        var json = await ReadJsonAsync(response, ct);
        return json?["messages"]?[0]?["id"]?.GetValue<string>();
    }

    /// <summary>Uploads a file to the phone number's media store; returns the media id to send it by.</summary>
    public async Task<string> UploadMediaAsync(byte[] content, string mediaType, string fileName, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent(mediaType), "type" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint("media")) { Content = form };
        using var response = await SendAsync(request, ct);
        var json = await ReadJsonAsync(response, ct);
        return json?["id"]?.GetValue<string>() is { Length: > 0 } id
            ? id
            : throw new WhatsAppApiException((int)response.StatusCode, errorCode: null, "media upload returned no id");
    }

    /// <summary>
    /// <c>GET /{media-id}</c>: where a received file can be downloaded for the next minutes, and its declared type and
    /// size. Meta keeps inbound media for 30 days only, so the bot downloads at once.
    /// </summary>
    public async Task<WhatsAppMediaInfo> GetMediaInfoAsync(string mediaId, CancellationToken ct)
    {
        var root = options.Value.GraphBaseUrl.TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{root}/{Uri.EscapeDataString(mediaId)}"));
        using var response = await SendAsync(request, ct);
        var json = await ReadJsonAsync(response, ct);
        if (json?["url"]?.GetValue<string>() is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != new Uri(root).Scheme))
        {
            throw new WhatsAppApiException((int)response.StatusCode, errorCode: null, "media lookup returned no download url");
        }

        long? size = null;
        if (json["file_size"] is JsonValue declared && (declared.TryGetValue<long>(out var n) || long.TryParse(declared.ToString(), out n)))
        {
            size = n;
        }

        return new WhatsAppMediaInfo(uri, json["mime_type"]?.GetValue<string>(), size);
    }

    /// <summary>Downloads a media URL (it needs the same bearer token) into <paramref name="destination"/>.</summary>
    public async Task DownloadMediaAsync(Uri url, Stream destination, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken!.Trim());
        var http = clients.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorOfAsync(response, ct);
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await body.CopyToAsync(destination, ct);
    }

    private Uri Endpoint(string edge)
    {
        var o = options.Value;
        return new Uri($"{o.GraphBaseUrl.TrimEnd('/')}/{o.PhoneNumberId!.Trim()}/{edge}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken!.Trim());
        var http = clients.CreateClient(HttpClientName);
        var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorOfAsync(response, ct);
        }
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Branch on <c>error.code</c>, not on the HTTP status: throttling comes as 400, 429 or 503.</summary>
    private static async Task<WhatsAppApiException> ErrorOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var error = (await ReadJsonAsync(response, ct))?["error"];
        int? code = null;
        try
        {
            code = error?["code"]?.GetValue<int>();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            // Not a number: treated like a body without a code.
        }

        return code == WhatsAppErrorCodes.OutsideWindow
            ? new WhatsAppOutsideWindowException(status)
            : new WhatsAppApiException(status, code, error?["type"]?.GetValue<string>());
    }
}

/// <summary>What <c>GET /{media-id}</c> says of a received file; <see cref="Url"/> needs the bearer token and is never logged.</summary>
internal sealed record WhatsAppMediaInfo(Uri Url, string? MimeType, long? FileSize);
