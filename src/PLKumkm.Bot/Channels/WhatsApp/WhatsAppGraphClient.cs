using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>The two Cloud API calls the bot makes: send a message, upload media. No retries here (see <see cref="WhatsAppRetryPolicy"/>).</summary>
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
