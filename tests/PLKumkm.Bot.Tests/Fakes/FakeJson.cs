using System.Globalization;
using System.Text.Json;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>Lenient readers: multipart requests carry every value as a string, JSON requests as typed values.</summary>
internal static class FakeJson
{
    public static string? GetString(JsonElement obj, string name) =>
        Property(obj, name) is { } value
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;

    public static long? GetLong(JsonElement obj, string name) => Property(obj, name) is { } value
        ? value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        }
        : null;

    public static bool GetBool(JsonElement obj, string name) => Property(obj, name) is { } value && value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? value : null;

    public static SentMarkup? ParseMarkup(JsonElement request)
    {
        if (Property(request, "reply_markup") is not { ValueKind: JsonValueKind.Object } markup)
        {
            return null;
        }

        var inline = Rows(markup, "inline_keyboard", b => new SentInlineButton(
            GetString(b, "text") ?? "", GetString(b, "callback_data"), GetString(b, "url")));
        var keyboard = Rows(markup, "keyboard", b => b.ValueKind == JsonValueKind.String
            ? new SentKeyboardButton(b.GetString()!, false, false)
            : new SentKeyboardButton(GetString(b, "text") ?? "", GetBool(b, "request_contact"), GetBool(b, "request_location")));
        return new SentMarkup(inline, keyboard, GetBool(markup, "remove_keyboard"),
            GetBool(markup, "resize_keyboard"), GetBool(markup, "one_time_keyboard"));
    }

    private static IReadOnlyList<IReadOnlyList<T>> Rows<T>(JsonElement markup, string name, Func<JsonElement, T> button) =>
        Property(markup, name) is { ValueKind: JsonValueKind.Array } rows
            ? [.. rows.EnumerateArray().Select(row => (IReadOnlyList<T>)[.. row.EnumerateArray().Select(button)])]
            : [];
}
