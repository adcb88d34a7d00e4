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

    public static OutboundMessage Deserialize(string json) =>
        JsonSerializer.Deserialize<OutboundMessage>(json, Options) ?? throw new JsonException("empty outbox payload");
}
