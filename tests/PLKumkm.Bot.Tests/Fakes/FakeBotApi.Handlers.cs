using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>The HTTP side: routing, body parsing and the Bot API methods.</summary>
public sealed partial class FakeBotApi
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private const int MaxCallbackDataBytes = 64;

    // Telegram answers with raw UTF-8 and unescaped quotes/apostrophes, not \uXXXX escapes.
    private static readonly JsonSerializerOptions ResponseJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task HandleAsync(HttpContext context)
    {
        if (await TryDownloadAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!TryParsePath(context.Request.Path.Value, out var token, out var method))
        {
            await WriteErrorAsync(context, 404, "Not Found").ConfigureAwait(false);
            return;
        }

        if (!string.Equals(token, Token, StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, 401, "Unauthorized").ConfigureAwait(false);
            return;
        }

        JsonElement parameters;
        IReadOnlyDictionary<string, int> files;
        try
        {
            (parameters, files) = await ReadParametersAsync(context.Request).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException)
        {
            await WriteErrorAsync(context, 400, "Bad Request: can't parse request body").ConfigureAwait(false);
            return;
        }

        var at = _clock.Elapsed;
        Fault? fault;
        lock (_gate)
        {
            fault = _faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var f) ? f : null;
        }

        if (fault is null && FaultPolicy is { } policy
            && policy(new FakeCall(method, FakeJson.GetLong(parameters, "chat_id"), at)) is { } injected)
        {
            fault = new Fault(injected.ErrorCode, injected.RetryAfter, RawBody: null);
        }

        if (fault is not null)
        {
            Record(method, parameters, files, at, fault.ErrorCode);
            await WriteFaultAsync(context, fault).ConfigureAwait(false);
            return;
        }

        var isGetUpdates = string.Equals(method, "getUpdates", StringComparison.OrdinalIgnoreCase);
        if (Latency > TimeSpan.Zero && !isGetUpdates)
        {
            await Task.Delay(Latency, context.RequestAborted).ConfigureAwait(false);
        }

        if (SendGate is { } gate && method.StartsWith("send", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(method, "sendChatAction", StringComparison.OrdinalIgnoreCase))
        {
            _sendHeld.TrySetResult();
            await gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var (status, body) = method.ToLowerInvariant() switch
        {
            "getme" => Ok(FakeBotUpdates.User(BotUserId, "PL-KUMKM Test", isBot: true).Also(u => u["username"] = "plkumkm_test_bot")),
            "getupdates" => await GetUpdatesAsync(parameters, context.RequestAborted).ConfigureAwait(false),
            "deletewebhook" => DeleteWebhook(parameters),
            "setwebhook" => SetWebhook(parameters),
            "setmycommands" => SetMyCommands(parameters),
            "sendmessage" or "sendphoto" or "senddocument" => SendMessage(method, parameters, files, at),
            "sendchataction" => Ok(true),
            "getfile" => GetFile(parameters),
            "answercallbackquery" => AnswerCallbackQuery(parameters),
            "editmessagereplymarkup" => EditMessageReplyMarkup(parameters),
            _ => Error(404, "Not Found: method not found"),
        };

        // getUpdates records itself (with its offset) before long-polling.
        if (!isGetUpdates)
        {
            Record(method, parameters, files, at, status);
        }

        await WriteAsync(context, status, body).ConfigureAwait(false);
    }

    /// <summary>"/bot{token}/{method}", also "/bot{token}/test/{method}" (test environment).</summary>
    private static bool TryParsePath(string? path, out string token, out string method)
    {
        token = method = "";
        if (path is null || !path.StartsWith("/bot", StringComparison.Ordinal))
        {
            return false;
        }

        var slash = path.IndexOf('/', 4);
        if (slash < 0)
        {
            return false;
        }

        token = path[4..slash];
        method = path[(slash + 1)..];
        if (method.StartsWith("test/", StringComparison.Ordinal))
        {
            method = method[5..];
        }

        return method.Length > 0 && !method.Contains('/', StringComparison.Ordinal);
    }

    private async Task<(JsonElement Parameters, IReadOnlyDictionary<string, int> Files)> ReadParametersAsync(HttpRequest request)
    {
        var fields = new JsonObject();
        var files = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            fields[key] = FieldValue(value.ToString());
        }

        if (request.HasJsonContentType() && request.ContentLength != 0)
        {
            var body = await JsonNode.ParseAsync(request.Body).ConfigureAwait(false);
            if (body is JsonObject json)
            {
                foreach (var (key, value) in json.ToList())
                {
                    json.Remove(key);
                    fields[key] = value;
                }
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            foreach (var (key, value) in form)
            {
                fields[key] = FieldValue(value.ToString());
            }

            foreach (var file in form.Files)
            {
                files[file.Name] = (int)file.Length;
                using var content = new MemoryStream();
                await file.CopyToAsync(content).ConfigureAwait(false);
                lock (_gate)
                {
                    _uploads.Add(new UploadedFile(file.FileName, content.ToArray()));
                }
            }
        }

        return (JsonSerializer.SerializeToElement(fields), files);
    }

    /// <summary>Form fields carry nested objects (reply_markup, commands) as JSON text.</summary>
    private static JsonNode? FieldValue(string value)
    {
        if (value.Length > 1 && (value[0] == '{' || value[0] == '['))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                // Not JSON after all: keep the text.
            }
        }

        return JsonValue.Create(value);
    }

    private void Record(string method, JsonElement parameters, IReadOnlyDictionary<string, int> files, TimeSpan at, int status)
    {
        lock (_gate)
        {
            if (RecordHistory)
            {
                _requests.Add(new FakeBotRequest(method, parameters, files, at, status));
            }

            PulseState();
        }
    }

    // ---- Methods -------------------------------------------------------------------------------

    private async Task<(int, string)> GetUpdatesAsync(JsonElement parameters, CancellationToken aborted)
    {
        var offset = FakeJson.GetLong(parameters, "offset");
        var limit = (int)Math.Clamp(FakeJson.GetLong(parameters, "limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, FakeJson.GetLong(parameters, "timeout") ?? 0));
        var deadline = _clock.Elapsed + timeout;
        int? confirmed;

        lock (_gate)
        {
            if (RecordHistory)
            {
                _requests.Add(new FakeBotRequest("getUpdates", parameters, new Dictionary<string, int>(), _clock.Elapsed, _webhookUrl is null ? 200 : 409));
            }

            _offsets.Add(offset);
            if (_webhookUrl is not null)
            {
                PulseState();
                return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }

            confirmed = Confirm(offset);
            PulseState();
        }

        if (confirmed is { } newOffset)
        {
            ConfirmObserver?.Invoke(newOffset);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var batch = _pending.Where(u => u.Redelivery || offset is not > 0 || u.Id >= offset).Take(limit).ToList();
                if (batch.Count > 0 || timeout <= TimeSpan.Zero)
                {
                    batch.ForEach(u => u.Delivered = true);
                    return (200, "{\"ok\":true,\"result\":[" + string.Join(',', batch.Select(u => u.Json)) + "]}");
                }

                changed = _updatesChanged.Task;
            }

            var remaining = deadline - _clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return Ok(new JsonArray());
            }

            try
            {
                await changed.WaitAsync(remaining, linked.Token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return Ok(new JsonArray());
            }
            catch (OperationCanceledException)
            {
                // Client gone or fake stopping: nothing was delivered, nothing is lost.
                return Ok(new JsonArray());
            }
        }
    }

    /// <summary>Telegram forgets updates below a positive offset; a negative one keeps only the last -offset.
    /// Returns the new confirmed offset when it grew. Callers hold _gate.</summary>
    private int? Confirm(long? offset)
    {
        if (offset > 0)
        {
            // A redelivery stays until the bot has seen it once and asked again.
            _pending.RemoveAll(u => u.Id < offset && (!u.Redelivery || u.Delivered));
            var previous = _confirmedOffset ?? 0;
            _confirmedOffset = (int)Math.Max(previous, offset.Value);
            return _confirmedOffset > previous ? _confirmedOffset : null;
        }

        if (offset < 0)
        {
            var keep = (int)Math.Min(-offset.Value, _pending.Count);
            _pending.RemoveRange(0, _pending.Count - keep);
        }

        return null;
    }

    private (int, string) DeleteWebhook(JsonElement parameters)
    {
        lock (_gate)
        {
            _webhookUrl = null;
            if (FakeJson.GetBool(parameters, "drop_pending_updates"))
            {
                _pending.Clear();
            }
        }

        return Ok(true);
    }

    private (int, string) SetWebhook(JsonElement parameters)
    {
        var url = FakeJson.GetString(parameters, "url");
        lock (_gate)
        {
            _webhookUrl = string.IsNullOrEmpty(url) ? null : url;
            _webhookSecret = FakeJson.GetString(parameters, "secret_token");
            if (_webhookUrl is not null && PushWebhooks)
            {
                StartPushing((int)Math.Clamp(FakeJson.GetLong(parameters, "max_connections") ?? 40, 1, 100));
            }
        }

        return Ok(true);
    }

    private (int, string) SetMyCommands(JsonElement parameters)
    {
        if (FakeJson.Property(parameters, "commands") is not { ValueKind: JsonValueKind.Array } array)
        {
            return Error(400, "Bad Request: parameter \"commands\" is required");
        }

        var commands = array.EnumerateArray()
            .Select(c => new SentCommand(FakeJson.GetString(c, "command") ?? "", FakeJson.GetString(c, "description") ?? ""))
            .ToList();
        if (commands.Count > 100 || commands.Any(c => !IsValidCommand(c)))
        {
            return Error(400, "Bad Request: BOT_COMMAND_INVALID");
        }

        lock (_gate)
        {
            _commands[FakeJson.GetString(parameters, "language_code") ?? ""] = commands;
        }

        return Ok(true);
    }

    private static bool IsValidCommand(SentCommand command) =>
        command.Command.Length is >= 1 and <= 32
        && command.Command.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
        && command.Description.Length is >= 1 and <= 256;

    private (int, string) AnswerCallbackQuery(JsonElement parameters)
    {
        if (FakeJson.GetString(parameters, "callback_query_id") is not { Length: > 0 } id)
        {
            return Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        }

        lock (_gate)
        {
            _answeredCallbacks.Add(id);
        }

        return Ok(true);
    }

    private (int, string) EditMessageReplyMarkup(JsonElement parameters)
    {
        if (FakeJson.GetString(parameters, "inline_message_id") is not null)
        {
            return Ok(true);
        }

        var chatId = FakeJson.GetLong(parameters, "chat_id") ?? 0;
        var messageId = (int)(FakeJson.GetLong(parameters, "message_id") ?? 0);
        return Ok(MessageJson(messageId, chatId));
    }

    private (int, string) SendMessage(string method, JsonElement parameters, IReadOnlyDictionary<string, int> files, TimeSpan at)
    {
        var kind = method.ToLowerInvariant() switch
        {
            "sendphoto" => "photo",
            "senddocument" => "document",
            _ => null,
        };
        if (FakeJson.GetLong(parameters, "chat_id") is not { } chatId)
        {
            return Error(400, "Bad Request: chat not found");
        }

        var text = FakeJson.GetString(parameters, kind is null ? "text" : "caption");
        var parseMode = FakeJson.GetString(parameters, "parse_mode");
        var plain = text;
        if (text is not null && string.Equals(parseMode, "html", StringComparison.OrdinalIgnoreCase)
            && !FakeTelegramHtml.TryToPlain(text, out plain, out var htmlError))
        {
            return Error(400, htmlError!);
        }

        if (kind is null && string.IsNullOrWhiteSpace(plain))
        {
            return Error(400, "Bad Request: message text is empty");
        }

        if (plain?.Length > (kind is null ? MaxTextLength : MaxCaptionLength))
        {
            return Error(400, kind is null ? "Bad Request: message is too long" : "Bad Request: message caption is too long");
        }

        var markup = FakeJson.ParseMarkup(parameters);
        if (markup?.InlineKeyboard.SelectMany(r => r).Any(b => b.CallbackData is { } data
                && Encoding.UTF8.GetByteCount(data) is 0 or > MaxCallbackDataBytes) == true)
        {
            return Error(400, "Bad Request: BUTTON_DATA_INVALID");
        }

        int? fileLength = null;
        string? fileName = null;
        if (kind is not null)
        {
            if (FakeJson.GetString(parameters, kind) is not { Length: > 0 } reference)
            {
                return Error(400, $"Bad Request: there is no {kind} in the request");
            }

            // attach://N points at the multipart part named N; anything else is a file_id or URL.
            fileLength = reference.StartsWith("attach://", StringComparison.Ordinal)
                ? files.GetValueOrDefault(reference["attach://".Length..])
                : 0;
            fileName = reference;
        }

        SentMessage sent;
        lock (_gate)
        {
            var messageId = _nextMessageId++;
            sent = new SentMessage(method, chatId, messageId, text, plain, parseMode, markup,
                kind == "photo" ? fileLength : null, kind == "document" ? fileLength : null, fileName, at);
            _sentCount++;
            if (KeepSent)
            {
                _sent.Add(sent);
                if (!_sentByChat.TryGetValue(chatId, out var list))
                {
                    _sentByChat[chatId] = list = [];
                }

                list.Add(sent);
            }

            _lastMessageIdByChat[chatId] = messageId;
        }

        SentObserver?.Invoke(sent);

        var message = MessageJson(sent.MessageId, chatId);
        if (kind is null)
        {
            message["text"] = plain;
        }
        else
        {
            if (plain is not null)
            {
                message["caption"] = plain;
            }

            message[kind] = kind == "photo"
                ? new JsonArray(new JsonObject
                {
                    ["file_id"] = $"sent-photo-{sent.MessageId}", ["file_unique_id"] = $"u-sent-{sent.MessageId}",
                    ["width"] = 800, ["height"] = 600,
                })
                : new JsonObject { ["file_id"] = $"sent-doc-{sent.MessageId}", ["file_unique_id"] = $"u-sent-{sent.MessageId}" };
        }

        return Ok(message);
    }

    private JsonObject MessageJson(int messageId, long chatId) => new()
    {
        ["message_id"] = messageId,
        ["from"] = FakeBotUpdates.User(BotUserId, "PL-KUMKM Test", isBot: true),
        ["chat"] = FakeBotUpdates.Chat(chatId),
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    };

    // ---- Responses -----------------------------------------------------------------------------

    private static (int, string) Ok(JsonNode? result) =>
        (200, new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(ResponseJson));

    private static (int, string) Error(int code, string description, int? retryAfter = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return (code, error.ToJsonString(ResponseJson));
    }

    private static Task WriteFaultAsync(HttpContext context, Fault fault)
    {
        if (fault.RawBody is not null)
        {
            context.Response.StatusCode = fault.ErrorCode;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(fault.RawBody);
        }

        var description = fault.ErrorCode switch
        {
            429 => $"Too Many Requests: retry after {(fault.RetryAfter ?? 1).ToString(CultureInfo.InvariantCulture)}",
            409 => "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            403 => "Forbidden: bot was blocked by the user",
            400 => "Bad Request",
            502 => "Bad Gateway",
            _ when fault.ErrorCode >= 500 => "Internal Server Error",
            _ => "Error",
        };
        var (status, body) = Error(fault.ErrorCode, description, fault.ErrorCode == 429 ? fault.RetryAfter ?? 1 : fault.RetryAfter);
        return WriteAsync(context, status, body);
    }

    private static Task WriteErrorAsync(HttpContext context, int code, string description)
    {
        var (status, body) = Error(code, description);
        return WriteAsync(context, status, body);
    }

    private static Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status is >= 100 and <= 599 ? status : 400;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }
}

internal static class JsonNodeExtensions
{
    public static T Also<T>(this T node, Action<T> configure) where T : JsonNode
    {
        configure(node);
        return node;
    }
}
