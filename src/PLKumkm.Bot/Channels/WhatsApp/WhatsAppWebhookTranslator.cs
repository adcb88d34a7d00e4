using System.Globalization;
using System.Text.Json;
using PLKumkm.Bot.Messaging;
using static PLKumkm.Bot.Channels.WhatsApp.WhatsAppJson;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// Turns a Cloud API webhook body (<c>entry[].changes[].value.messages[]</c>, several per body possible)
/// into channel-neutral <see cref="InboundMessage"/>s. Pure: no I/O; the receive time stands in for a
/// missing timestamp. Statuses become <see cref="Status"/>es (a failed one is what marks its outbox row);
/// value-level errors, tied to no message, are returned by code only. A sender may come without a number (a WhatsApp
/// username): then their business-scoped user id is their chat.
/// </summary>
internal static class WhatsAppWebhookTranslator
{
    public const string Channel = "whatsapp";

    /// <summary>What one webhook body carried.</summary>
    public sealed record Result(IReadOnlyList<InboundMessage> Messages, int Statuses, int Errors, int Ignored)
    {
        public IReadOnlyList<Status> StatusReports { get; init; } = [];

        /// <summary>The codes of <c>value.errors[]</c> (null: an error without a readable code).</summary>
        public IReadOnlyList<int?> ErrorCodes { get; init; } = [];
    }

    /// <summary>
    /// One <c>statuses[]</c> item: the wamid the send returned, sent/delivered/read/failed, and for a failed one the
    /// first error's code. <paramref name="RecipientId"/> is the person's wa_id: it orders the work, it is never logged.
    /// </summary>
    public sealed record Status(string MessageId, string State, string? RecipientId, int? ErrorCode);

    /// <param name="phoneNumberId">Only changes for this business number are read (an app may serve several);
    /// null reads all.</param>
    public static Result Translate(string payload, DateTimeOffset receivedAt, string? phoneNumberId = null)
    {
        using var document = JsonDocument.Parse(payload);
        var messages = new List<InboundMessage>();
        var reports = new List<Status>();
        var errorCodes = new List<int?>();
        int statuses = 0, errors = 0, ignored = 0;
        foreach (var change in Changes(document.RootElement))
        {
            if (Str(change, "field") is { } field && field != "messages"
                || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
            {
                ignored++;
                continue;
            }

            if (phoneNumberId is not null && value.TryGetProperty("metadata", out var metadata)
                && Str(metadata, "phone_number_id") is { } target && target != phoneNumberId)
            {
                ignored++;
                continue;
            }

            foreach (var status in Array(value, "statuses"))
            {
                statuses++;
                if (Str(status, "id") is { Length: > 0 } wamid && Str(status, "status") is { Length: > 0 } state)
                {
                    reports.Add(new Status(wamid, state, Str(status, "recipient_id"), Array(status, "errors").Select(Code).FirstOrDefault()));
                }
            }

            foreach (var error in Array(value, "errors"))
            {
                errors++;
                errorCodes.Add(Code(error));
            }
            var names = SenderNames(value);
            foreach (var message in Array(value, "messages"))
            {
                if (FromMessage(value, message, names, receivedAt) is { } inbound)
                {
                    messages.Add(inbound);
                }
                else
                {
                    ignored++;
                }
            }
        }

        return new Result(messages, statuses, errors, ignored) { StatusReports = reports, ErrorCodes = errorCodes };
    }

    private static int? Code(JsonElement error) =>
        int.TryParse(Str(error, "code"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) ? code : null;

    public static string UpdateKey(string messageId) => $"whatsapp:{messageId}";

    private static IEnumerable<JsonElement> Changes(JsonElement root)
    {
        foreach (var entry in Array(root, "entry"))
        {
            foreach (var change in Array(entry, "changes"))
            {
                yield return change;
            }
        }
    }

    /// <summary>wa_id → profile name, from the <c>contacts</c> block that describes the senders.</summary>
    private static Dictionary<string, string> SenderNames(JsonElement value)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var contact in Array(value, "contacts"))
        {
            if (contact.TryGetProperty("profile", out var profile) && Str(profile, "name") is { Length: > 0 } name)
            {
                foreach (var id in new[] { Str(contact, "wa_id"), Str(contact, "user_id") }.OfType<string>())
                {
                    names.TryAdd(id, name);
                }
            }
        }

        return names;
    }

    private static InboundMessage? FromMessage(JsonElement value, JsonElement message, Dictionary<string, string> names, DateTimeOffset receivedAt)
    {
        // Someone who uses a WhatsApp username may come without a number: their business-scoped user id is who they
        // are here (the contacts block carries it too when the message does not).
        var from = Str(message, "from") is { Length: > 0 } number ? number
            : Str(message, "from_user_id") is { Length: > 0 } userId ? userId
            : OnlyUserId(value);
        if (from is null || Str(message, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        if (Str(message, "type") == "system")
        {
            return Moved(message, from, id, receivedAt);
        }

        var content = ContentOf(message);
        string? edits = null;
        if (Str(message, "type") == "edit")
        {
            // { "edit": { "original_message_id": "wamid…", "message": { "type": "text", "text": { "body": "…" } } } }:
            // what the message says now. One without a readable new content is nothing to answer.
            var edit = message.TryGetProperty("edit", out var e) ? e : default;
            edits = Str(edit, "original_message_id");
            content = edit.ValueKind == JsonValueKind.Object && edit.TryGetProperty("message", out var now) ? ContentOf(now) : null;
            if (edits is not { Length: > 0 } || content is null or UnsupportedInput)
            {
                return null;
            }
        }

        if (content is null)
        {
            return null;
        }

        var sentAt = long.TryParse(Str(message, "timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : receivedAt;
        if (Str(message, "group_id") is { Length: > 0 } groupId)
        {
            // A group (Cloud API groups): the chat is the group's, not the sender's; no person is made from it.
            return new InboundMessage(Channel, WhatsAppChats.Group(groupId), UpdateKey(id), sentAt, content)
            {
                IsGroup = true, MessageId = edits ?? id, EditsMessageId = edits,
            };
        }

        return new InboundMessage(Channel, from, UpdateKey(id), sentAt, content, names.GetValueOrDefault(from), WhatsAppChats.Phone(from))
        {
            PhoneWithheld = WhatsAppChats.IsUserId(from),
            MessageId = edits ?? id, EditsMessageId = edits,
        };
    }

    /// <summary>The one sender's user id in the contacts block (with several senders it cannot say whose message it is).</summary>
    private static string? OnlyUserId(JsonElement value)
    {
        var ids = Array(value, "contacts").Select(c => Str(c, "user_id")).OfType<string>().ToList();
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>
    /// <c>user_changed_number</c> (from the old number; <c>system.wa_id</c> is the new one, proven by WhatsApp) and
    /// <c>user_changed_user_id</c> (from <c>system.previous_user_id</c> to <c>system.user_id</c>). Other system notices
    /// say nothing to the bot.
    /// </summary>
    private static InboundMessage? Moved(JsonElement message, string from, string id, DateTimeOffset receivedAt)
    {
        var system = message.TryGetProperty("system", out var s) ? s : default;
        var sentAt = long.TryParse(Str(message, "timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : receivedAt;
        switch (Str(system, "type"))
        {
            case "user_changed_number" or "customer_changed_number"
                when (Str(system, "wa_id") ?? Str(system, "new_wa_id")) is { Length: > 0 } newNumber && newNumber != from
                    && WhatsAppChats.Phone(newNumber) is { } phone:
                return new InboundMessage(Channel, from, UpdateKey(id), sentAt, new ChatMovedInput(newNumber, phone)) { MessageId = id };
            case "user_changed_user_id"
                when Str(system, "previous_user_id") is { Length: > 0 } previous && Str(system, "user_id") is { Length: > 0 } current
                    && previous != current:
                return new InboundMessage(Channel, previous, UpdateKey(id), sentAt, new ChatMovedInput(current, null)) { MessageId = id };
            default:
                return null;
        }
    }

    private static InboundContent? ContentOf(JsonElement message)
    {
        var type = Str(message, "type") ?? (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("text", out _) ? "text" : "unknown");
        var body = message.TryGetProperty(type, out var b) ? b : default;
        switch (type)
        {
            case "text":
                return Str(body, "body") is { } text ? new TextInput(text) : new UnsupportedInput(type);
            case "interactive":
                return Interactive(body);
            case "button":
                // A quick-reply button of a template message: the payload is what the bot put there.
                return Str(body, "payload") is { Length: > 0 } payload ? new ChoiceInput(payload)
                    : Str(body, "text") is { Length: > 0 } label ? new TextInput(label)
                    : new UnsupportedInput(type);
            case "location":
                return Num(body, "latitude") is { } lat && Num(body, "longitude") is { } lon
                    ? new LocationInput(lat, lon)
                    : new UnsupportedInput(type);
            case "image":
                return Str(body, "id") is { Length: > 0 } mediaId
                    ? new PhotoInput(mediaId, Str(body, "caption"))
                    : new UnsupportedInput(type);
            case "contacts":
                return Contact(body) ?? (InboundContent)new UnsupportedInput(type);
            case "system":
                // Read by the caller (a changed number or id); other notices: nothing a person said to the bot.
                return null;
            case "edit":
                // Read by the caller: what the message says now, as an edit of the original.
                return null;
            case "reaction" or "revoke":
                // A reaction (or its removal, an empty emoji) or a deleted message says nothing to answer: a revoked
                // answer keeps counting, as it was given, and the person can change it from the summary.
                return null;
            default:
                // audio, video, sticker, document, order, unsupported…: answered politely.
                return new UnsupportedInput(type);
        }
    }

    private static InboundContent Interactive(JsonElement interactive)
    {
        var kind = Str(interactive, "type");
        if (kind is "button_reply" or "list_reply" && interactive.TryGetProperty(kind, out var reply)
            && Str(reply, "id") is { Length: > 0 } id)
        {
            return new ChoiceInput(id);
        }

        return new UnsupportedInput("interactive");
    }

    /// <summary>
    /// A shared contact card: only a number typed into a card, never a proof that it is the sender's. WhatsApp copies
    /// whatever the card says (a card's <c>wa_id</c> may equal the sender's while its <c>phone</c> text is anyone's),
    /// so the sender's own number is only ever the message's <c>from</c>. A card can still answer the phone question.
    /// </summary>
    private static ContactInput? Contact(JsonElement contacts)
    {
        if (contacts.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var phones = contacts.EnumerateArray().SelectMany(c => Array(c, "phones")).ToList();
        var number = phones.Select(p => Str(p, "phone") is { Length: > 0 } shown ? shown
                : Str(p, "wa_id") is { Length: > 0 } waId ? "+" + waId
                : null)
            .FirstOrDefault(n => n is not null);
        return number is null ? null : new ContactInput(number, IsSendersOwn: false);
    }
}
