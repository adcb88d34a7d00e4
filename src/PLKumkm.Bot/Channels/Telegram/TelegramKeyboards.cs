using System.Globalization;
using System.Text;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using Telegram.Bot.Types.ReplyMarkups;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>Renders options and reply requests as Telegram keyboards.</summary>
internal static class TelegramKeyboards
{
    public const int MaxCallbackDataBytes = 64;
    public const int MaxInlineButtons = 12;
    public const int ShortLabelLength = 16;

    public static readonly UserText ShareContactLabel = new("📱 Bagikan nomor HP", "📱 Share phone number");
    public static readonly UserText ShareLocationLabel = new("📍 Bagikan lokasi", "📍 Share location");
    public static readonly UserText PrivateChatLabel = new("💬 Chat pribadi dengan bot", "💬 Private chat with the bot");

    /// <summary>Short labels go two per row so a yes/no question fits one line on a phone;
    /// longer ones get a full row each so they are not cut off.</summary>
    public static InlineKeyboardMarkup Inline(IReadOnlyList<ReplyOption> options)
    {
        foreach (var option in options)
        {
            var bytes = Encoding.UTF8.GetByteCount(option.Value);
            if (bytes is 0 or > MaxCallbackDataBytes)
            {
                throw new ArgumentException(
                    $"Option \"{option.Label}\" has a value of {bytes} UTF-8 bytes; Telegram callback data must be 1-{MaxCallbackDataBytes} bytes.",
                    nameof(options));
            }
        }

        var shown = options.Count > MaxInlineButtons ? options.Take(MaxInlineButtons).ToList() : options;
        var perRow = shown.All(o => new StringInfo(o.Label).LengthInTextElements <= ShortLabelLength) ? 2 : 1;
        var rows = shown
            .Select(o => InlineKeyboardButton.WithCallbackData(o.Label, o.Value))
            .Chunk(perRow)
            .ToArray();
        return new InlineKeyboardMarkup(rows);
    }

    public static ReplyKeyboardMarkup? ForRequest(ReplyRequest request, string language) => request switch
    {
        ReplyRequest.Contact => OneButton(KeyboardButton.WithRequestContact(ShareContactLabel.In(language))),
        ReplyRequest.Location => OneButton(KeyboardButton.WithRequestLocation(ShareLocationLabel.In(language))),
        _ => null,
    };

    private static ReplyKeyboardMarkup OneButton(KeyboardButton button) =>
        new(new[] { new[] { button } }) { ResizeKeyboard = true, OneTimeKeyboard = true };
}
