using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>The HTTP side: routing, authentication, body validation and the two endpoints.</summary>
public sealed partial class FakeGraphApi
{
    private const int WindowHours = 24;

    private async Task HandleAsync(HttpContext context)
    {
        var at = _clock.Elapsed;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await HandleGetAsync(context, at).ConfigureAwait(false);
            return;
        }

        var match = PathPattern().Match(context.Request.Path.Value ?? "");
        if (!match.Success || !HttpMethods.IsPost(context.Request.Method))
        {
            await RespondErrorAsync(context, at, default, 404, 100, "Unknown path components").ConfigureAwait(false);
            return;
        }

        if (context.Request.Headers.Authorization.ToString() != "Bearer " + AccessToken)
        {
            await RespondErrorAsync(context, at, default, 401, 190, "Error validating access token").ConfigureAwait(false);
            return;
        }

        if (match.Groups["phone"].Value != PhoneNumberId)
        {
            await RespondErrorAsync(context, at, default, 400, 100, "Unsupported post request: unknown phone number id").ConfigureAwait(false);
            return;
        }

        if (match.Groups["edge"].Value == "media")
        {
            await UploadAsync(context, at).ConfigureAwait(false);
        }
        else
        {
            await SendAsync(context, at).ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"^/v\d+\.\d+/(?<phone>[^/]+)/(?<edge>messages|media)$")]
    private static partial Regex PathPattern();

    private async Task UploadAsync(HttpContext context, TimeSpan at)
    {
        if (!context.Request.HasFormContentType)
        {
            await RespondErrorAsync(context, at, default, 400, 100, "media upload must be multipart/form-data").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
        var file = form.Files.GetFile("file");
        if (form["messaging_product"] != "whatsapp" || file is null || file.Length == 0 || string.IsNullOrEmpty(file.ContentType))
        {
            await RespondErrorAsync(context, at, default, 400, 100, "messaging_product, type and a file are required").ConfigureAwait(false);
            return;
        }

        UploadedMedia media;
        lock (_gate)
        {
            media = new UploadedMedia($"media-{_nextId++}", file.ContentType, file.FileName, (int)file.Length);
            _media[media.Id] = media;
        }

        await RespondAsync(context, at, default, 200, null, new JsonObject { ["id"] = media.Id }).ConfigureAwait(false);
    }

    private async Task SendAsync(HttpContext context, TimeSpan at)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            await RespondErrorAsync(context, at, default, 400, 100, "body is not JSON").ConfigureAwait(false);
            return;
        }

        GraphFault? fault;
        lock (_gate)
        {
            fault = _faults.TryDequeue(out var f) ? f : null;
        }

        if (fault is not null)
        {
            await RespondFaultAsync(context, at, body, fault).ConfigureAwait(false);
            return;
        }

        if (Str(body, "status") == "read")
        {
            await RespondAsync(context, at, body, 200, null, new JsonObject { ["success"] = true }).ConfigureAwait(false);
            return;
        }

        if (Validate(body) is { } problem)
        {
            await RespondErrorAsync(context, at, body, 400, 100, problem).ConfigureAwait(false);
            return;
        }

        // A business-scoped user id goes in "recipient" instead of "to".
        var to = Str(body, "to") ?? Str(body, "recipient")!;
        var type = Str(body, "type")!;
        if (EnforceWindow && type != "template" && !WindowOpen(to))
        {
            await RespondErrorAsync(context, at, body, 400, 131047,
                "Re-engagement message", "More than 24 hours have passed since the recipient last replied").ConfigureAwait(false);
            return;
        }

        SentWhatsApp sent;
        lock (_gate)
        {
            sent = Describe(body, to, type, $"wamid.fake-{_nextId++}", at);
            _sent.Add(sent);
        }

        await RespondAsync(context, at, body, 200, null, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = sent.Wamid }),
        }).ConfigureAwait(false);
    }

    private bool WindowOpen(string to)
    {
        lock (_gate)
        {
            return _lastInbound.TryGetValue(to, out var last) && Time.GetUtcNow() - last < TimeSpan.FromHours(WindowHours);
        }
    }

    // ---- Validation (docs/channels.md B5) -------------------------------------------------------

    private string? Validate(JsonElement body)
    {
        if (Str(body, "messaging_product") != "whatsapp")
        {
            return "messaging_product must be whatsapp";
        }

        if (Str(body, "to") is not { Length: > 0 } && Str(body, "recipient") is not { Length: > 0 })
        {
            return "to (or recipient) is required";
        }

        if (Str(body, "to") is { Length: > 0 } && Str(body, "recipient") is { Length: > 0 })
        {
            return "to and recipient cannot both be given";
        }

        var type = Str(body, "type");
        if (type is null || !body.TryGetProperty(type, out var content))
        {
            return $"a {type ?? "type"} object is required";
        }

        return type switch
        {
            "text" => Length(Str(content, "body"), 1, 4096, "text.body"),
            "interactive" => ValidateInteractive(content),
            "image" or "document" or "audio" or "video" or "sticker" => ValidateMedia(content),
            "template" => Str(content, "name") is { Length: > 0 } && content.TryGetProperty("language", out var language)
                && Str(language, "code") is { Length: > 0 } ? null : "template.name and template.language.code are required",
            "location" or "contacts" or "reaction" => null,
            _ => $"unsupported message type {type}",
        };
    }

    private static string? ValidateInteractive(JsonElement interactive)
    {
        var kind = Str(interactive, "type");
        if (!interactive.TryGetProperty("action", out var action))
        {
            return "interactive.action is required";
        }

        var bodyText = interactive.TryGetProperty("body", out var body) ? Str(body, "text") : null;
        if ((OptionalLength(interactive, "header", 60) ?? OptionalLength(interactive, "footer", 60)) is { } frame)
        {
            return frame;
        }

        switch (kind)
        {
            case "button":
                if (Length(bodyText, 1, 1024, "interactive.body.text") is { } bodyProblem)
                {
                    return bodyProblem;
                }

                var buttons = Items(action, "buttons");
                if (buttons.Count is < 1 or > 3)
                {
                    return "1-3 buttons are required";
                }

                var titles = new HashSet<string>(StringComparer.Ordinal);
                foreach (var button in buttons)
                {
                    if (Str(button, "type") != "reply" || !button.TryGetProperty("reply", out var reply))
                    {
                        return "buttons must be of type reply";
                    }

                    var title = Str(reply, "title");
                    if ((Length(Str(reply, "id"), 1, 256, "button id") ?? Length(title, 1, 20, "button title")) is { } problem)
                    {
                        return problem;
                    }

                    if (!titles.Add(title!))
                    {
                        return "button titles must be unique";
                    }
                }

                return null;
            case "list":
                if ((Length(bodyText, 1, 4096, "interactive.body.text") ?? Length(Str(action, "button"), 1, 20, "list button")) is { } listProblem)
                {
                    return listProblem;
                }

                var sections = Items(action, "sections");
                if (sections.Count is < 1 or > 10)
                {
                    return "1-10 sections are required";
                }

                var rows = 0;
                var ids = new HashSet<string>(StringComparer.Ordinal);
                foreach (var section in sections)
                {
                    if (sections.Count > 1 && Length(Str(section, "title"), 1, 24, "section title") is { } titleProblem)
                    {
                        return titleProblem;
                    }

                    foreach (var row in Items(section, "rows"))
                    {
                        rows++;
                        var id = Str(row, "id");
                        if ((Length(id, 1, 200, "row id") ?? Length(Str(row, "title"), 1, 24, "row title")
                                ?? (Str(row, "description") is { } d ? Length(d, 0, 72, "row description") : null)) is { } rowProblem)
                        {
                            return rowProblem;
                        }

                        if (!ids.Add(id!))
                        {
                            return "row ids must be unique";
                        }
                    }
                }

                return rows is < 1 or > 10 ? "1-10 rows in total are required" : null;
            default:
                return $"unsupported interactive type {kind}";
        }
    }

    private string? ValidateMedia(JsonElement media)
    {
        if (Str(media, "caption") is { } caption && caption.Length > 1024)
        {
            return "caption is longer than 1024 characters";
        }

        if (Str(media, "id") is { } id)
        {
            lock (_gate)
            {
                return _media.ContainsKey(id) ? null : "unknown media id";
            }
        }

        return Str(media, "link") is { Length: > 0 } ? null : "media id or link is required";
    }

    private static string? OptionalLength(JsonElement parent, string name, int max) =>
        parent.TryGetProperty(name, out var part) && Str(part, "text") is { } text && text.Length > max
            ? $"{name} text is longer than {max.ToString(CultureInfo.InvariantCulture)} characters"
            : null;

    private static string? Length(string? value, int min, int max, string what) =>
        value is null || value.Length < min || value.Length > max
            ? $"{what} must be {min.ToString(CultureInfo.InvariantCulture)}-{max.ToString(CultureInfo.InvariantCulture)} characters"
            : null;

    // ---- Recording -----------------------------------------------------------------------------

    private static SentWhatsApp Describe(JsonElement body, string to, string type, string wamid, TimeSpan at)
    {
        var content = body.GetProperty(type);
        string? text = null;
        string? listButton = null;
        string? mediaId = null;
        var buttons = new List<WhatsAppButton>();
        var rows = new List<WhatsAppListRow>();
        switch (type)
        {
            case "text":
                text = Str(content, "body");
                break;
            case "interactive":
                text = Str(content.GetProperty("body"), "text");
                var action = content.GetProperty("action");
                buttons.AddRange(Items(action, "buttons").Select(b => b.GetProperty("reply"))
                    .Select(r => new WhatsAppButton(Str(r, "id")!, Str(r, "title")!)));
                rows.AddRange(Items(action, "sections").SelectMany(s => Items(s, "rows"))
                    .Select(r => new WhatsAppListRow(Str(r, "id")!, Str(r, "title")!, Str(r, "description"))));
                listButton = Str(action, "button");
                break;
            case "image" or "document":
                text = Str(content, "caption");
                mediaId = Str(content, "id");
                break;
        }

        return new SentWhatsApp(to, type, wamid, text, buttons, rows, listButton, mediaId, body, at);
    }

    // ---- Responses -----------------------------------------------------------------------------

    private Task RespondFaultAsync(HttpContext context, TimeSpan at, JsonElement body, GraphFault fault)
    {
        if (fault.RawBody is not null)
        {
            Record(context, at, body, fault.HttpStatus, null);
            context.Response.StatusCode = fault.HttpStatus;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(fault.RawBody);
        }

        var (title, details) = fault.ErrorCode switch
        {
            130429 => ("Rate limit hit", "Cloud API message throughput has been reached."),
            131056 => ("(Business Account, Consumer Account) pair rate limit hit", "Too many messages to the same user."),
            80007 => ("Rate limit issues", "The WhatsApp Business Account has reached its rate limit."),
            4 => ("Application request limit reached", "Too many API calls."),
            131057 => ("Account in maintenance mode", "The business phone number is being upgraded."),
            131047 => ("Re-engagement message", "More than 24 hours have passed since the recipient last replied."),
            _ => ("Error", "Injected error."),
        };
        return RespondErrorAsync(context, at, body, fault.HttpStatus, fault.ErrorCode ?? 1, title, details);
    }

    private Task RespondErrorAsync(HttpContext context, TimeSpan at, JsonElement body, int status, int code, string title, string? details = null) =>
        RespondAsync(context, at, body, status, code, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = $"(#{code.ToString(CultureInfo.InvariantCulture)}) {title}",
                ["type"] = "OAuthException",
                ["code"] = code,
                ["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = details ?? title },
                ["fbtrace_id"] = "AfakeTraceId",
            },
        });

    private Task RespondAsync(HttpContext context, TimeSpan at, JsonElement body, int status, int? code, JsonObject response)
    {
        Record(context, at, body, status, code);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(response.ToJsonString());
    }

    private void Record(HttpContext context, TimeSpan at, JsonElement body, int status, int? code)
    {
        lock (_gate)
        {
            _requests.Add(new GraphRequest(context.Request.Path.Value ?? "", status, code, body, at));
            Pulse();
        }
    }

    private static List<JsonElement> Items(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray()]
            : [];

    private static string? Str(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
