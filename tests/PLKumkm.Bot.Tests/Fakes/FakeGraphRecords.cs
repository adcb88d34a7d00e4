using System.Text.Json;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>One call the bot made to the fake Graph API, accepted or not. <see cref="Body"/> is the JSON body
/// (undefined for uploads); <see cref="At"/> is the time since the fake started.</summary>
public sealed record GraphRequest(string Path, int StatusCode, int? ErrorCode, JsonElement Body, TimeSpan At)
{
    public bool Succeeded => StatusCode == 200;
}

/// <summary>A message the fake accepted. <see cref="Text"/> is what the person reads first: the text body,
/// the interactive body or the media caption.</summary>
public sealed record SentWhatsApp(
    string To,
    string Type,
    string Wamid,
    string? Text,
    IReadOnlyList<WhatsAppButton> Buttons,
    IReadOnlyList<WhatsAppListRow> Rows,
    string? ListButton,
    string? MediaId,
    JsonElement Body,
    TimeSpan At)
{
    public string? InteractiveType => Type == "interactive" ? Body.GetProperty("interactive").GetProperty("type").GetString() : null;

    /// <summary>Every option the person can tap, buttons and list rows alike.</summary>
    public IEnumerable<string> OptionIds => Buttons.Select(b => b.Id).Concat(Rows.Select(r => r.Id));
}

public sealed record WhatsAppButton(string Id, string Title);

public sealed record WhatsAppListRow(string Id, string Title, string? Description);

/// <summary>A file uploaded to the media endpoint.</summary>
public sealed record UploadedMedia(string Id, string MediaType, string? FileName, int Length);
