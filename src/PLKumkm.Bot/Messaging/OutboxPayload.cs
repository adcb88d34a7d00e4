using System.Text.Json;
using System.Text.Json.Serialization;

namespace PLKumkm.Bot.Messaging;

/// <summary>How an outbound message is kept in the outbox table until delivered.</summary>
internal static class OutboxPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(OutboundMessage message) => JsonSerializer.Serialize(message, Options);

    /// <summary>How a stored payload holding a document starts its attachment (quotes inside text are escaped).</summary>
    public const string AttachmentMarker = "\"attachment\":";

    /// <summary>
    /// The payload without its document's bytes, or null when it holds none: the caption stays, with the file's name
    /// and size, so the row still says what was sent.
    /// </summary>
    public static string? WithoutDocument(string json)
    {
        if (!json.Contains(AttachmentMarker, StringComparison.Ordinal) || Deserialize(json) is not { Attachment: { } file } message)
        {
            return null;
        }

        var note = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"[berkas {file.FileName}, {file.Content.Length} bita, tidak disimpan setelah dikirim]");
        return Serialize(new OutboundMessage(message.Text.Length == 0 ? note : message.Text + "\n" + note));
    }

    public static OutboundMessage Deserialize(string json) =>
        JsonSerializer.Deserialize<OutboundMessage>(json, Options) ?? throw new JsonException("empty outbox payload");
}
