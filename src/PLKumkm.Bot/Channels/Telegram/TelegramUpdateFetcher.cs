using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>What one getUpdates returned: the updates the library can read, and those it cannot.</summary>
internal sealed record FetchedUpdates(IReadOnlyList<Update> Updates, IReadOnlyList<UnreadableUpdate> Unreadable)
{
    /// <summary>The highest update id of the batch, readable or not (the next offset confirms all of them).</summary>
    public int? LastId => Updates.Select(u => (int?)u.Id).Concat(Unreadable.Select(u => (int?)u.UpdateId)).Max();
}

/// <summary>An update the client library cannot read: its id, its kind (for the log) and its raw JSON (to keep).</summary>
internal sealed record UnreadableUpdate(int UpdateId, string Kind, string Failure, string Json);

/// <summary>
/// getUpdates read as raw JSON, one update at a time. The Bot API adds union members (a new reaction type, forward origin
/// or chat-member status) faster than a client library learns them; read as one array, a single such update makes every
/// poll fail and the bot answers nobody. Here the readable updates go on, the unreadable one is reported with its JSON so
/// it is kept as unreadable and confirmed with the batch (left pending, it would be delivered and fail forever), with one
/// warning by its id and kind.
/// </summary>
internal sealed class TelegramUpdateFetcher(IHttpClientFactory http, IOptions<TelegramOptions> options, ILogger<TelegramUpdateFetcher> logger)
{
    public async Task<FetchedUpdates> GetUpdatesAsync(int? offset, int limit, int timeoutSeconds, IEnumerable<UpdateType> allowed, CancellationToken ct)
    {
        var o = options.Value;
        // As the client library does: only the scheme and authority of the base URL are kept.
        var url = $"{new Uri(o.ApiBaseUrl).GetLeftPart(UriPartial.Authority)}/bot{o.BotToken!.Trim()}/getUpdates";
        var request = new JsonObject
        {
            ["offset"] = offset,
            ["limit"] = limit,
            ["timeout"] = timeoutSeconds,
            ["allowed_updates"] = new JsonArray([.. allowed.Select(a => (JsonNode)JsonNamingPolicy.SnakeCaseLower.ConvertName(a.ToString()))]),
        };
        using var client = http.CreateClient(TelegramServiceCollectionExtensions.HttpClientName);
        using var response = await client.PostAsJsonAsync(url, request, ct).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var document = await ReadAsync(stream, ct).ConfigureAwait(false);
        var root = document.RootElement;
        if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True
            || !root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
        {
            throw Failure(root);
        }

        var updates = new List<Update>();
        var unreadable = new List<UnreadableUpdate>();
        foreach (var element in result.EnumerateArray())
        {
            if (!element.TryGetProperty("update_id", out var idElement) || !idElement.TryGetInt32(out var id))
            {
                continue;
            }

            try
            {
                updates.Add(element.Deserialize<Update>(JsonBotAPI.Options) ?? throw new JsonException("null update"));
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
            {
                var kind = KindOf(element);
                logger.LogWarning("Telegram update {UpdateId} ({UpdateKind}) cannot be read by the client library ({Failure}); kept as unreadable",
                    id, kind, e.GetType().Name);
                unreadable.Add(new UnreadableUpdate(id, kind, e.GetType().Name, element.GetRawText()));
            }
        }

        return new FetchedUpdates(updates, unreadable);
    }

    private static async Task<JsonDocument> ReadAsync(Stream stream, CancellationToken ct)
    {
        try
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            // An HTML error page from a proxy, as the client library reports it.
            throw new RequestException("There was an exception during deserialization of the response", e);
        }
    }

    /// <summary>The error as the client library would raise it, so retry and logging treat both paths alike.</summary>
    private static Exception Failure(JsonElement root)
    {
        var description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "getUpdates failed";
        if (!root.TryGetProperty("error_code", out var code) || !code.TryGetInt32(out var errorCode))
        {
            return new RequestException(description);
        }

        ResponseParameters? parameters = null;
        if (root.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            parameters = p.Deserialize<ResponseParameters>(JsonBotAPI.Options);
        }

        return new ApiRequestException(description, errorCode, parameters);
    }

    /// <summary>The update's kind (its one field besides update_id), for the log: never its content.</summary>
    private static string KindOf(JsonElement update) =>
        update.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n != "update_id") ?? "unknown";
}
