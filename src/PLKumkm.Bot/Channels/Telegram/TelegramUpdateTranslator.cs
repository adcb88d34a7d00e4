using System.Globalization;
using System.Text.Json;
using PLKumkm.Bot.Messaging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>
/// Turns a Bot API update into the channel-neutral <see cref="InboundMessage"/>. Pure: no I/O,
/// the receive time is passed in because callback queries carry no date of their own.
/// Returns null for updates the bot does not answer (channel posts, service messages, reactions, commands addressed
/// to another bot…); the caller still acknowledges those. An edited message is passed on as an edit of its message id.
/// </summary>
internal static class TelegramUpdateTranslator
{
    public const string Channel = "telegram";

    /// <param name="botUsername">The bot's own username (from getMe), to tell <c>/start@ThisBot</c> from
    /// <c>/start@OtherBot</c> in groups; null when not known yet (every mention is then taken as ours).</param>
    public static InboundMessage? Translate(Update update, DateTimeOffset receivedAt, string? botUsername = null)
    {
        if (update.Message is { } message)
        {
            return FromMessage(update.Id, message, botUsername);
        }

        if (update.EditedMessage is { } edited)
        {
            // A live location moving on is sent as edits of its message: nobody is correcting an answer there.
            return edited.Location is not null ? null
                : FromMessage(update.Id, edited, botUsername) is { } inbound ? inbound with { EditsMessageId = inbound.MessageId } : null;
        }

        if (update.CallbackQuery is { Data: { } data } callback)
        {
            // Inline-mode buttons have no message; the presser's user id is their private chat id.
            var chat = callback.Message?.Chat;
            var chatId = chat?.Id ?? callback.From.Id;
            return new InboundMessage(Channel, ChatIdText(chatId), UpdateKey(update.Id), receivedAt,
                new ChoiceInput(data), callback.From.FirstName)
            {
                IsGroup = chat is not null && IsShared(chat, callback.From),
            };
        }

        return null;
    }

    /// <summary>The chat an update belongs to, used to keep one chat's updates in order.</summary>
    public static long? ChatOf(Update update) =>
        update.Message?.Chat.Id ?? update.EditedMessage?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id;

    public static string UpdateKey(int updateId) => $"telegram:{updateId.ToString(CultureInfo.InvariantCulture)}";

    public static string ChatIdText(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);

    private static InboundMessage? FromMessage(int updateId, Message message, string? botUsername)
    {
        var content = ContentOf(message, botUsername);
        if (content is null)
        {
            return null;
        }

        var sentAt = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc));
        return new InboundMessage(Channel, ChatIdText(message.Chat.Id), UpdateKey(updateId), sentAt,
            content, message.From?.FirstName)
        {
            IsGroup = IsShared(message.Chat, message.From),
            MessageId = message.Id.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// A chat that is not one person's private chat with the bot. A private chat's id is the user's id, so a
    /// chat whose id differs from the sender's (or with no sender: channel posts) is shared even when
    /// <c>chat.type</c> is missing.
    /// </summary>
    private static bool IsShared(Chat chat, User? from) =>
        chat.Type is ChatType.Group or ChatType.Supergroup or ChatType.Channel || from is null || from.Id != chat.Id;

    private static InboundContent? ContentOf(Message message, string? botUsername)
    {
        if (message.Text is { } text)
        {
            var (addressedTo, bare) = SplitBotMention(text);
            var toOtherBot = addressedTo is not null && botUsername is not null
                && !string.Equals(addressedTo, botUsername.TrimStart('@'), StringComparison.OrdinalIgnoreCase);
            return toOtherBot ? null : new TextInput(bare);
        }

        if (message.Contact is { } contact)
        {
            // Only a contact the sender shared themselves proves the number is theirs:
            // a forwarded card or someone else's contact must not be taken as the sender's phone.
            var isOwn = contact.UserId is { } contactUser
                && message.From is { } from
                && contactUser == from.Id
                && message.ForwardOrigin is null;
            return new ContactInput(contact.PhoneNumber, isOwn);
        }

        if (message.Location is { } location)
        {
            // Venues carry a location too; the venue's point is what the user meant to share.
            return new LocationInput(location.Latitude, location.Longitude);
        }

        if (message.Photo is { Length: > 0 } sizes)
        {
            // A bot cannot download beyond 20 MB; Telegram's photo sizes are far below that, but a size it says is
            // larger would only fail later.
            var largest = sizes.Where(p => p.FileSize is null or <= Media.MediaOptions.TelegramDownloadLimit).DefaultIfEmpty(sizes[0])
                .MaxBy(p => (long)p.Width * p.Height)!;
            return new PhotoInput(largest.FileId, message.Caption);
        }

        // A photo sent "as a file" (uncompressed) is a document with an image type; a GIF animation is not a photo.
        if (message.Document is { MimeType: { } mime } document && message.Animation is null
            && mime.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return new PhotoInput(document.FileId, message.Caption);
        }

        return IsUserContent(message.Type) ? new UnsupportedInput(KindName(message.Type)) : null;
    }

    /// <summary>
    /// "/start@SomeBot args" (group chats) → ("SomeBot", "/start args"): the engine only knows bare commands, and a
    /// command addressed to another bot is not ours to answer.
    /// </summary>
    private static (string? Bot, string Bare) SplitBotMention(string text)
    {
        if (!text.StartsWith('/'))
        {
            return (null, text);
        }

        var end = text.IndexOfAny([' ', '\n']);
        var commandEnd = end < 0 ? text.Length : end;
        var at = text.IndexOf('@', 0, commandEnd);
        return at < 0 ? (null, text) : (text[(at + 1)..commandEnd], string.Concat(text.AsSpan(0, at), text.AsSpan(commandEnd)));
    }

    /// <summary>Things a person sent on purpose and deserve a polite "I can't read that";
    /// service messages (members joining, pins…) get no answer.</summary>
    private static bool IsUserContent(MessageType type) => type is
        MessageType.Unknown or MessageType.Audio or MessageType.Video or MessageType.Voice
        or MessageType.Document or MessageType.Sticker or MessageType.VideoNote or MessageType.Animation
        or MessageType.Poll or MessageType.Dice or MessageType.Game or MessageType.Story
        or MessageType.PaidMedia or MessageType.Checklist or MessageType.Invoice or MessageType.Giveaway
        or MessageType.LivePhoto or MessageType.RichMessage or MessageType.UsersShared
        or MessageType.ChatShared or MessageType.WebAppData or MessageType.PassportData;

    private static string KindName(MessageType type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString());
}
