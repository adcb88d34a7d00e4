using System.Text.Json;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>One call the bot made. <see cref="Parameters"/> merges JSON, form and query fields
/// (form fields that hold JSON, such as reply_markup, are parsed); <see cref="Files"/> maps uploaded
/// part names to their byte length.</summary>
public sealed record FakeBotRequest(
    string Method,
    JsonElement Parameters,
    IReadOnlyDictionary<string, int> Files,
    TimeSpan At,
    int StatusCode)
{
    public bool Succeeded => StatusCode == 200;

    public string? GetString(string name) => FakeJson.GetString(Parameters, name);

    public long? GetLong(string name) => FakeJson.GetLong(Parameters, name);

    public bool GetBool(string name) => FakeJson.GetBool(Parameters, name);

    public bool Has(string name) => Parameters.ValueKind == JsonValueKind.Object && Parameters.TryGetProperty(name, out _);
}

/// <summary>A message the bot sent (sendMessage, sendPhoto, sendDocument). <see cref="Text"/> is the text
/// or caption as sent (HTML when <see cref="ParseMode"/> is HTML); <see cref="PlainText"/> is what the user sees.
/// <see cref="At"/> is the time since the fake started (monotonic).</summary>
public sealed record SentMessage(
    string Method,
    long ChatId,
    int MessageId,
    string? Text,
    string? PlainText,
    string? ParseMode,
    SentMarkup? Markup,
    int? PhotoLength,
    int? DocumentLength,
    string? FileName,
    TimeSpan At)
{
    public bool HasPhoto => PhotoLength is not null;

    public bool HasDocument => DocumentLength is not null;

    public IReadOnlyList<SentInlineButton> InlineButtons =>
        Markup is null ? [] : [.. Markup.InlineKeyboard.SelectMany(row => row)];

    public IReadOnlyList<SentKeyboardButton> KeyboardButtons =>
        Markup is null ? [] : [.. Markup.Keyboard.SelectMany(row => row)];

    public bool RemovesKeyboard => Markup?.RemoveKeyboard == true;
}

public sealed record SentMarkup(
    IReadOnlyList<IReadOnlyList<SentInlineButton>> InlineKeyboard,
    IReadOnlyList<IReadOnlyList<SentKeyboardButton>> Keyboard,
    bool RemoveKeyboard,
    bool ResizeKeyboard,
    bool OneTimeKeyboard);

public sealed record SentInlineButton(string Text, string? CallbackData, string? Url);

public sealed record SentKeyboardButton(string Text, bool RequestContact, bool RequestLocation);

public sealed record SentCommand(string Command, string Description);

/// <summary>A call as <see cref="FakeBotApi.FaultPolicy"/> sees it: method, target chat (if any) and the fake's clock.</summary>
public sealed record FakeCall(string Method, long? ChatId, TimeSpan At);

/// <summary>An injected failure: the Bot API error code and, for 429, parameters.retry_after in seconds.</summary>
public sealed record FakeFault(int ErrorCode, int? RetryAfter = null);

/// <summary>A file the bot uploaded (multipart), as received.</summary>
public sealed record UploadedFile(string FileName, byte[] Content);
