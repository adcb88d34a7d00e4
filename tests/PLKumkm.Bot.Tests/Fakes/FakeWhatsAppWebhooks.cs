using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>
/// Builds WhatsApp Cloud API webhook bodies in the shapes of docs/channels.md B3, and signs them as Meta does
/// (HMAC-SHA256 of the exact bytes with the app secret). Computed here independently of the bot's own code.
/// </summary>
public static class FakeWhatsAppWebhooks
{
    public const string AppSecret = "test-app-secret-5f1c";
    public const string VerifyToken = "test-verify-token";

    private static int _nextId;

    public static string NewMessageId() =>
        $"wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA{Interlocked.Increment(ref _nextId).ToString("D6", CultureInfo.InvariantCulture)}";

    // ---- Messages (the objects inside value.messages[]) -----------------------------------------

    public static JsonObject Text(string from, string text, string? id = null) =>
        Message(from, id, "text", new JsonObject { ["body"] = text });

    public static JsonObject ButtonReply(string from, string replyId, string title = "Pilihan", string? id = null) =>
        Message(from, id, "interactive", new JsonObject
        {
            ["type"] = "button_reply",
            ["button_reply"] = new JsonObject { ["id"] = replyId, ["title"] = title },
        }).Also(m => m["context"] = new JsonObject { ["from"] = "15550783881", ["id"] = "wamid.bot-message" });

    public static JsonObject ListReply(string from, string rowId, string title = "Pilihan", string? id = null) =>
        Message(from, id, "interactive", new JsonObject
        {
            ["type"] = "list_reply",
            ["list_reply"] = new JsonObject { ["id"] = rowId, ["title"] = title, ["description"] = "" },
        }).Also(m => m["context"] = new JsonObject { ["from"] = "15550783881", ["id"] = "wamid.bot-message" });

    /// <summary>A quick-reply button of a template message.</summary>
    public static JsonObject TemplateButton(string from, string payload, string text = "Ya", string? id = null) =>
        Message(from, id, "button", new JsonObject { ["payload"] = payload, ["text"] = text });

    public static JsonObject Location(string from, double latitude, double longitude, string? id = null) =>
        Message(from, id, "location", new JsonObject
        {
            ["latitude"] = latitude, ["longitude"] = longitude, ["name"] = "Warung", ["address"] = "Jl. Merdeka 1",
        });

    public static JsonObject Image(string from, string mediaId, string? caption = null, string? id = null)
    {
        var image = new JsonObject { ["mime_type"] = "image/jpeg", ["sha256"] = "c2hhMjU2", ["id"] = mediaId };
        if (caption is not null)
        {
            image["caption"] = caption;
        }

        return Message(from, id, "image", image);
    }

    /// <summary>A shared contact card; <paramref name="contactWaId"/> is the WhatsApp account behind the card's number.</summary>
    public static JsonObject Contacts(string from, string phone, string? contactWaId, string? id = null)
    {
        var entry = new JsonObject { ["phone"] = phone, ["type"] = "CELL" };
        if (contactWaId is not null)
        {
            entry["wa_id"] = contactWaId;
        }

        return Message(from, id, "contacts", new JsonArray(new JsonObject
        {
            ["name"] = new JsonObject { ["formatted_name"] = "Siti", ["first_name"] = "Siti" },
            ["phones"] = new JsonArray(entry),
        }));
    }

    /// <summary>Any other type (audio, video, sticker, document, reaction, unsupported…) with a minimal body.</summary>
    public static JsonObject Other(string from, string type, string? id = null) =>
        Message(from, id, type, type == "reaction"
            ? new JsonObject { ["message_id"] = "wamid.bot-message", ["emoji"] = "👍" }
            : new JsonObject { ["id"] = "media-in-1", ["mime_type"] = "application/octet-stream" });

    /// <summary>The person edited their message <paramref name="originalId"/> to say <paramref name="text"/> (type <c>edit</c>:
    /// the new content is a whole message inside).</summary>
    public static JsonObject Edit(string from, string originalId, string text, string? id = null) =>
        Message(from, id, "edit", new JsonObject
        {
            ["original_message_id"] = originalId,
            ["message"] = new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } },
        });

    /// <summary>A reaction on <paramref name="messageId"/>; emoji "" or null (the field left out) is the reaction taken away.</summary>
    public static JsonObject Reaction(string from, string messageId, string? emoji, string? id = null)
    {
        var reaction = new JsonObject { ["message_id"] = messageId };
        if (emoji is not null)
        {
            reaction["emoji"] = emoji;
        }

        return Message(from, id, "reaction", reaction);
    }

    /// <summary>The person deleted their message <paramref name="originalId"/> for everyone.</summary>
    public static JsonObject Revoke(string from, string originalId, string? id = null) =>
        Message(from, id, "revoke", new JsonObject { ["original_message_id"] = originalId });

    /// <summary>A message in a group chat: the group's id beside the sender's.</summary>
    public static JsonObject InGroup(JsonObject message, string groupId)
    {
        message["group_id"] = groupId;
        return message;
    }

    /// <summary>A sender known only by a business-scoped user id (no phone number): <c>from</c> is left out.</summary>
    public static JsonObject WithoutPhone(JsonObject message, string userId)
    {
        message.Remove("from");
        message["from_user_id"] = userId;
        return message;
    }

    public static JsonObject Message(string from, string? id, string type, JsonNode content) => new()
    {
        ["from"] = from,
        ["id"] = id ?? NewMessageId(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["type"] = type,
        [type] = content,
    };

    public static JsonObject Status(string recipient, string status, string? wamid = null) => new()
    {
        ["id"] = wamid ?? "wamid.sent-1",
        ["status"] = status,
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["recipient_id"] = recipient,
        ["conversation"] = new JsonObject { ["id"] = "conv-1", ["origin"] = new JsonObject { ["type"] = "service" } },
        ["pricing"] = new JsonObject { ["billable"] = true, ["pricing_model"] = "PMP", ["category"] = "service" },
    };

    /// <summary>A <c>failed</c> status carrying the error Meta gives (e.g. 131047 outside the window, 130472 experiment).</summary>
    public static JsonObject FailedStatus(string recipient, string wamid, int code, string title = "Message failed") =>
        Status(recipient, "failed", wamid).Also(s => s["errors"] = new JsonArray(Error(code, title)));

    /// <summary>An error object as in <c>statuses[].errors</c> and <c>value.errors</c>.</summary>
    public static JsonObject Error(int code, string title) => new()
    {
        ["code"] = code,
        ["title"] = title,
        ["message"] = title,
        ["error_data"] = new JsonObject { ["details"] = title },
        ["href"] = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
    };

    // ---- Envelopes -----------------------------------------------------------------------------

    /// <summary>One body with several entries, each with several changes: one change per group of messages given.</summary>
    public static string MultiBody(params JsonObject[][] entries) => new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray([.. entries.Select((changes, i) => (JsonNode)new JsonObject
        {
            ["id"] = $"WABA-{i}",
            ["changes"] = new JsonArray([.. changes.Select(m => (JsonNode)new JsonObject
            {
                ["field"] = "messages",
                ["value"] = Value([m]),
            })]),
        })]),
    }.ToJsonString();

    /// <summary>
    /// One body as Meta batches it: several entries, each with several changes, each change's value made by
    /// <see cref="MessagesValue"/>, <see cref="StatusesValue"/> or <see cref="ErrorsValue"/>.
    /// </summary>
    public static string Entries(params JsonObject[][] entries) => new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray([.. entries.Select((values, i) => (JsonNode)new JsonObject
        {
            ["id"] = $"WABA-{i}",
            ["changes"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["field"] = "messages", ["value"] = v.DeepClone() })]),
        })]),
    }.ToJsonString();

    public static JsonObject MessagesValue(params JsonObject[] messages) => Value([.. messages]);

    public static JsonObject StatusesValue(params JsonObject[] statuses) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["metadata"] = Metadata(FakeGraphApi.DefaultPhoneNumberId),
        ["statuses"] = new JsonArray([.. statuses.Select(s => s.DeepClone())]),
    };

    public static JsonObject ErrorsValue(params JsonObject[] errors) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["metadata"] = Metadata(FakeGraphApi.DefaultPhoneNumberId),
        ["errors"] = new JsonArray([.. errors.Select(e => e.DeepClone())]),
    };

    /// <summary>A body of value-level errors (not tied to one message), e.g. 130429 throughput.</summary>
    public static string ErrorsBody(params JsonObject[] errors) =>
        Envelope(FakeGraphApi.DefaultPhoneNumberId, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = Metadata(FakeGraphApi.DefaultPhoneNumberId),
            ["errors"] = new JsonArray([.. errors]),
        });

    /// <summary>One webhook body carrying <paramref name="messages"/> from senders named in <paramref name="names"/> (wa_id → name).</summary>
    public static string Body(IEnumerable<JsonObject> messages, IReadOnlyDictionary<string, string>? names = null,
        string phoneNumberId = FakeGraphApi.DefaultPhoneNumberId) =>
        Envelope(phoneNumberId, Value(messages.ToList(), names, phoneNumberId));

    private static JsonObject Value(List<JsonObject> list, IReadOnlyDictionary<string, string>? names = null,
        string phoneNumberId = FakeGraphApi.DefaultPhoneNumberId)
    {
        var contacts = new JsonArray();
        foreach (var from in list.Select(m => m["from"]?.GetValue<string>()).OfType<string>().Distinct())
        {
            contacts.Add(new JsonObject
            {
                ["profile"] = new JsonObject { ["name"] = names?.GetValueOrDefault(from) ?? "Siti" },
                ["wa_id"] = from,
            });
        }

        return new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = Metadata(phoneNumberId),
            ["contacts"] = contacts,
            ["messages"] = new JsonArray([.. list.Select(m => m.DeepClone())]),
        };
    }

    public static string Body(JsonObject message, string? name = null) =>
        Body([message], name is null ? null : new Dictionary<string, string> { [message["from"]!.GetValue<string>()] = name });

    public static string StatusBody(params JsonObject[] statuses) =>
        Envelope(FakeGraphApi.DefaultPhoneNumberId, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = Metadata(FakeGraphApi.DefaultPhoneNumberId),
            ["statuses"] = new JsonArray([.. statuses]),
        });

    private static JsonObject Metadata(string phoneNumberId) =>
        new() { ["display_phone_number"] = "15550783881", ["phone_number_id"] = phoneNumberId };

    private static string Envelope(string phoneNumberId, JsonObject value) => new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = "WABA-" + phoneNumberId,
            ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }),
        }),
    }.ToJsonString();

    // ---- Signing and posting -------------------------------------------------------------------

    public static string Signature(byte[] body, string secret = AppSecret) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant();

    /// <summary>POSTs <paramref name="body"/> as Meta would: the exact bytes, signed (or with the given header; null sends none).</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string url, string body, string? signature = "") =>
        PostBytesAsync(http, url, Encoding.UTF8.GetBytes(body), signature);

    /// <summary>POSTs these exact bytes (which need not be UTF-8), signed as Meta signs them.</summary>
    public static async Task<HttpResponseMessage> PostBytesAsync(HttpClient http, string url, byte[] bytes, string? signature = "")
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature.Length == 0 ? Signature(bytes) : signature);
        }

        return await http.SendAsync(request).ConfigureAwait(false);
    }
}
