using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// Renders a channel-neutral <see cref="OutboundMessage"/> as Cloud API message bodies, always within the
/// limits: ≤ 3 options become reply buttons, 4–10 a list, more a numbered text (the engine reads typed
/// numbers). Long labels are shortened with "…" and long texts split, so rendering never fails on length.
/// Text stays as written: <c>*bold*</c> is WhatsApp's own markup. Pure: no I/O.
/// </summary>
internal static class WhatsAppRenderer
{
    public const string ListButtonLabel = "Pilih / Choose";

    /// <summary>Body of an interactive message whose text went out before it (the body may not be empty).</summary>
    public const string PointDown = "👇";

    // WhatsApp has no share-contact or share-location button for replies; the attachment menu does both.
    public static readonly UserText ContactHint = new(
        "📱 Ketik nomor HP Anda, atau kirim kontak lewat 📎 › Kontak.",
        "📱 Type your mobile number, or send a contact through 📎 › Contact.");
    public static readonly UserText LocationHint = new(
        "📍 Kirim lokasi lewat 📎 › Lokasi, atau ketik koordinatnya (mis. -4.1234, 104.1612).",
        "📍 Send the location through 📎 › Location, or type its coordinates (e.g. -4.1234, 104.1612).");

    public static IReadOnlyList<WhatsAppPart> Render(string to, OutboundMessage message)
    {
        var parts = new List<WhatsAppPart>();
        var text = WithHint(message.Text ?? "", message.Request, message.ShownLanguage);
        var options = message.Options;

        if (message.Attachment is { } attachment)
        {
            var captionFits = options.Count == 0 && text.Length <= WhatsAppLimits.Caption;
            parts.Add(new WhatsAppMediaPart(attachment, captionFits && !string.IsNullOrWhiteSpace(text) ? text : null));
            if (captionFits)
            {
                return parts;
            }
        }
        else if (string.IsNullOrWhiteSpace(text) && options.Count == 0)
        {
            throw new ArgumentException("An outbound WhatsApp message needs text, options or an attachment.", nameof(message));
        }

        if (options.Count == 0)
        {
            AddText(parts, to, text);
        }
        else if (options.Count <= WhatsAppLimits.MaxButtons && options.All(o => o.Value.Length <= WhatsAppLimits.ButtonId))
        {
            var body = BodyAfterLeadingText(parts, to, text, WhatsAppLimits.ButtonBody);
            parts.Add(new WhatsAppJsonPart(Interactive(to, "button", body, Buttons(options))));
        }
        else if (options.Count <= WhatsAppLimits.MaxListRows && options.All(o => o.Value.Length <= WhatsAppLimits.ListRowId))
        {
            var body = BodyAfterLeadingText(parts, to, text, WhatsAppLimits.ListBody);
            parts.Add(new WhatsAppJsonPart(Interactive(to, "list", body, List(options))));
        }
        else
        {
            AddText(parts, to, Numbered(text, options));
        }

        return parts;
    }

    /// <summary>The body of a sent media file, once uploaded as <paramref name="mediaId"/>.</summary>
    public static JsonObject Media(string to, WhatsAppMediaPart part, string mediaId)
    {
        var kind = part.Attachment.IsImage ? "image" : "document";
        var media = new JsonObject { ["id"] = mediaId };
        if (part.Caption is { } caption)
        {
            media["caption"] = caption;
        }

        if (!part.Attachment.IsImage)
        {
            media["filename"] = part.Attachment.FileName;
        }

        return Envelope(to, kind, media);
    }

    public static JsonObject Text(string to, string body) =>
        Envelope(to, "text", new JsonObject { ["preview_url"] = false, ["body"] = body });

    private static string WithHint(string text, ReplyRequest request, string language)
    {
        var hint = request switch
        {
            ReplyRequest.Contact => ContactHint.In(language),
            ReplyRequest.Location => LocationHint.In(language),
            _ => null,
        };
        return hint is null ? text : string.IsNullOrWhiteSpace(text) ? hint : text.TrimEnd() + "\n\n" + hint;
    }

    private static void AddText(List<WhatsAppPart> parts, string to, string text)
    {
        foreach (var piece in TextSplitter.Split(text, WhatsAppLimits.TextBody))
        {
            parts.Add(new WhatsAppJsonPart(Text(to, piece)));
        }
    }

    /// <summary>
    /// Interactive bodies are short; a longer text goes out first as plain text, and the body keeps the
    /// last paragraphs that fit (usually the question itself), so nothing is cut away.
    /// </summary>
    private static string BodyAfterLeadingText(List<WhatsAppPart> parts, string to, string text, int limit)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return PointDown;
        }

        if (text.Length <= limit)
        {
            return text;
        }

        var cut = -1;
        for (var i = text.LastIndexOf('\n'); i > 0 && text.Length - i - 1 <= limit; i = text.LastIndexOf('\n', i - 1))
        {
            cut = i;
        }

        if (cut < 0)
        {
            AddText(parts, to, text);
            return PointDown;
        }

        AddText(parts, to, text[..cut].TrimEnd());
        return text[(cut + 1)..].Trim();
    }

    private static JsonObject Buttons(IReadOnlyList<ReplyOption> options)
    {
        var titles = options.Select(o => TextSplitter.Truncate(o.Label, WhatsAppLimits.ButtonTitle)).ToList();
        // Titles must be unique within a message; shortening can make two equal, numbering keeps them apart.
        if (titles.Distinct(StringComparer.Ordinal).Count() < titles.Count)
        {
            titles = options.Select((o, i) => TextSplitter.Truncate($"{i + 1}. {o.Label}", WhatsAppLimits.ButtonTitle)).ToList();
        }

        var buttons = new JsonArray();
        for (var i = 0; i < options.Count; i++)
        {
            buttons.Add(new JsonObject
            {
                ["type"] = "reply",
                ["reply"] = new JsonObject { ["id"] = options[i].Value, ["title"] = titles[i] },
            });
        }

        return new JsonObject { ["buttons"] = buttons };
    }

    private static JsonObject List(IReadOnlyList<ReplyOption> options)
    {
        var rows = new JsonArray();
        foreach (var option in options)
        {
            var row = new JsonObject { ["id"] = option.Value };
            var label = option.Label.Trim();
            if (label.Length <= WhatsAppLimits.ListRowTitle)
            {
                row["title"] = label;
            }
            else
            {
                // The rest of a long label goes to the row's description, which has room for it.
                var title = TextSplitter.Truncate(label, WhatsAppLimits.ListRowTitle);
                var shown = title[..^TextSplitter.Ellipsis.Length];
                row["title"] = title;
                row["description"] = TextSplitter.Truncate(label[shown.Length..].TrimStart(' ', ',', '.', ';', ':'), WhatsAppLimits.ListRowDescription);
            }

            rows.Add(row);
        }

        return new JsonObject
        {
            ["button"] = ListButtonLabel,
            ["sections"] = new JsonArray(new JsonObject { ["rows"] = rows }),
        };
    }

    private static string Numbered(string text, IReadOnlyList<ReplyOption> options)
    {
        var builder = new StringBuilder(text.TrimEnd());
        if (builder.Length > 0)
        {
            builder.Append('\n');
        }

        for (var i = 0; i < options.Count; i++)
        {
            builder.Append('\n').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(options[i].Label);
        }

        return builder.ToString();
    }

    private static JsonObject Interactive(string to, string type, string body, JsonObject action) =>
        Envelope(to, "interactive", new JsonObject
        {
            ["type"] = type,
            ["body"] = new JsonObject { ["text"] = body },
            ["action"] = action,
        });

    /// <summary>An approved template with its body parameters (docs/channels.md B5), for outside the 24-hour window.</summary>
    public static JsonObject Template(string to, string name, string language, IReadOnlyList<string> parameters)
    {
        var template = new JsonObject
        {
            ["name"] = name,
            ["language"] = new JsonObject { ["code"] = language },
        };
        if (parameters.Count > 0)
        {
            template["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "body",
                ["parameters"] = new JsonArray([.. parameters.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p })]),
            });
        }

        return new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["to"] = WhatsAppChats.Recipient(to),
            ["type"] = "template",
            ["template"] = template,
        };
    }

    private static JsonObject Envelope(string to, string type, JsonObject content) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = WhatsAppChats.IsGroup(to) ? "group" : "individual",
        // Someone known only by a business-scoped user id is addressed by it.
        [WhatsAppChats.IsUserId(to) ? "recipient" : "to"] = WhatsAppChats.Recipient(to),
        ["type"] = type,
        [type] = content,
    };
}

/// <summary>One Cloud API message of a rendered reply.</summary>
internal abstract record WhatsAppPart;

/// <summary>A message body ready to post.</summary>
internal sealed record WhatsAppJsonPart(JsonObject Body) : WhatsAppPart;

/// <summary>A file to upload first; its message body is made with <see cref="WhatsAppRenderer.Media"/>.</summary>
internal sealed record WhatsAppMediaPart(Attachment Attachment, string? Caption) : WhatsAppPart;
