using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PLKumkm.Bot.Messaging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Extensions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>Renders <see cref="OutboundMessage"/>s as Bot API calls. Holds rendering state only.</summary>
internal sealed class TelegramSender(ITelegramBotClient bot, TelegramRetryPolicy retry, ILogger<TelegramSender> logger,
    TelegramBotIdentity? identity = null)
    : IChannelSender
{
    // Chats whose last message carried a reply keyboard (share contact/location) that is still up.
    // Only those need a ReplyKeyboardRemove; entries are removed as soon as it is sent.
    private readonly ConcurrentDictionary<string, byte> _replyKeyboardShown = new(StringComparer.Ordinal);

    // Chats under a flood wait (a 429's retry_after): nothing goes to them before it has passed, whichever path
    // sends (a reply now, the outbox retry later, an apology), not only the retry of the refused call.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _floodUntil = new(StringComparer.Ordinal);

    public string Channel => TelegramUpdateTranslator.Channel;

    /// <summary>
    /// A 429 (however long its retry_after), a 5xx or the network: what the retry policy would wait out; and a 403,
    /// which is the person's doing, not a bug.
    /// </summary>
    public string? DescribeExpectedFault(Exception exception) =>
        exception is ApiRequestException { ErrorCode: 429 or 403 } || retry.RetryDelay(exception, 1, CancellationToken.None) is not null
            ? TelegramRetryPolicy.Describe(exception)
            : null;

    /// <summary>
    /// 403 is Telegram refusing the chat itself ("bot was blocked by the user", "user is deactivated", "bot was kicked"):
    /// repeating cannot help until the person writes to the bot again.
    /// </summary>
    public DeliveryFailure Classify(Exception exception) =>
        exception is ApiRequestException { ErrorCode: 403 } ? DeliveryFailure.Unreachable : DeliveryFailure.Retry;

    public async Task SendAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var chat = ToChatId(chatId);
        var markup = MarkupFor(chatId, message);

        if (message.Attachment is { } attachment)
        {
            await SendAttachmentAsync(chatId, chat, message.Text, attachment, markup, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(message.Text))
            {
                throw new ArgumentException("An outbound Telegram message needs text or an attachment.", nameof(message));
            }

            await SendTextAsync(chatId, chat, message.Text, markup, cancellationToken).ConfigureAwait(false);
        }

        Remember(chatId, markup);
    }

    /// <summary>Best effort: a missing "typing…" bubble is not worth failing or delaying a reply for.</summary>
    public async Task ShowTypingAsync(string chatId, CancellationToken cancellationToken)
    {
        if (FloodWait(chatId) > TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await bot.SendChatAction(ToChatId(chatId), ChatAction.Typing, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Telegram sendChatAction failed ({Failure})", TelegramRetryPolicy.Describe(ex));
        }
    }

    private ReplyMarkup? MarkupFor(string chatId, OutboundMessage message)
    {
        if (message.Request == ReplyRequest.PrivateChat)
        {
            // A group: a reply keyboard there would pop up for every member, so only a link button.
            return identity?.PrivateChatLink("daftar") is { } link
                ? new InlineKeyboardMarkup(InlineKeyboardButton.WithUrl(TelegramKeyboards.PrivateChatLabel.In(message.ShownLanguage), link))
                : null;
        }

        if (message.Request != ReplyRequest.None)
        {
            // A message carries one keyboard; the share button is what the question needs (beside a contact request
            // the options are the number the share button sends anyway).
            if (message.Options.Count > 0 && message.Request != ReplyRequest.Contact)
            {
                logger.LogWarning("Telegram message has both options and a {Request} request; options are not shown",
                    message.Request);
            }

            return TelegramKeyboards.ForRequest(message.Request, message.ShownLanguage);
        }

        if (message.Options.Count > 0)
        {
            if (message.Options.Count > TelegramKeyboards.MaxInlineButtons)
            {
                logger.LogWarning("Telegram message has {Count} options; only the first {Max} are shown as buttons",
                    message.Options.Count, TelegramKeyboards.MaxInlineButtons);
            }

            return TelegramKeyboards.Inline(message.Options);
        }

        return _replyKeyboardShown.ContainsKey(chatId) ? new ReplyKeyboardRemove() : null;
    }

    private void Remember(string chatId, ReplyMarkup? markup)
    {
        switch (markup)
        {
            case ReplyKeyboardMarkup:
                _replyKeyboardShown[chatId] = 0;
                break;
            case ReplyKeyboardRemove:
                _replyKeyboardShown.TryRemove(chatId, out _);
                break;
        }
    }

    private async Task SendTextAsync(string chatId, ChatId chat, string text, ReplyMarkup? markup, CancellationToken ct)
    {
        var parts = TelegramText.Split(text);
        for (var i = 0; i < parts.Count; i++)
        {
            // The keyboard belongs under the last part, where the question is.
            var partMarkup = i == parts.Count - 1 ? markup : null;
            var html = LightMarkup.ToTelegramHtml(parts[i]);
            await retry.ExecuteAsync(
                token => FloodGuardedAsync(chatId, () => bot.SendMessage(chat, html, ParseMode.Html, replyMarkup: partMarkup, cancellationToken: token), token),
                "sendMessage", logger, ct).ConfigureAwait(false);
        }
    }

    private async Task SendAttachmentAsync(string chatId, ChatId chat, string text, Attachment attachment, ReplyMarkup? markup, CancellationToken ct)
    {
        var captionFits = text.Length <= TelegramText.MaxCaptionLength;
        var caption = captionFits && !string.IsNullOrWhiteSpace(text) ? LightMarkup.ToTelegramHtml(text) : null;
        var hasFollowUp = !captionFits && !string.IsNullOrWhiteSpace(text);
        var fileMarkup = hasFollowUp ? null : markup;

        if (attachment.IsImage)
        {
            await retry.ExecuteAsync(
                token => FloodGuardedAsync(chatId, () => bot.SendPhoto(chat, FileOf(attachment), caption, ParseMode.Html, replyMarkup: fileMarkup, cancellationToken: token), token),
                "sendPhoto", logger, ct).ConfigureAwait(false);
        }
        else
        {
            await retry.ExecuteAsync(
                token => FloodGuardedAsync(chatId, () => bot.SendDocument(chat, FileOf(attachment), caption, ParseMode.Html, replyMarkup: fileMarkup, cancellationToken: token), token),
                "sendDocument", logger, ct).ConfigureAwait(false);
        }

        if (hasFollowUp)
        {
            await SendTextAsync(chatId, chat, text, markup, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits out the chat's flood wait, then calls; a 429 starts (or extends) the chat's flood wait.</summary>
    private async Task<T> FloodGuardedAsync<T>(string chatId, Func<Task<T>> call, CancellationToken ct)
    {
        var wait = FloodWait(chatId);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, retry.Time, ct).ConfigureAwait(false);
        }

        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ApiRequestException api) when (api.ErrorCode == 429)
        {
            var until = retry.Time.GetUtcNow() + TimeSpan.FromSeconds(api.Parameters?.RetryAfter ?? 1) + retry.RetryAfterMargin;
            _floodUntil.AddOrUpdate(chatId, until, (_, current) => current > until ? current : until);
            throw;
        }
    }

    private TimeSpan FloodWait(string chatId)
    {
        if (!_floodUntil.TryGetValue(chatId, out var until))
        {
            return TimeSpan.Zero;
        }

        var wait = until - retry.Time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            _floodUntil.TryRemove(new KeyValuePair<string, DateTimeOffset>(chatId, until));
        }

        return wait;
    }

    // A fresh stream per attempt: a retried upload must not start from the end of a consumed stream.
    private static InputFile FileOf(Attachment attachment) =>
        InputFile.FromStream(new MemoryStream(attachment.Content, writable: false), attachment.FileName);

    private static ChatId ToChatId(string chatId) =>
        long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? new ChatId(id)
            : new ChatId(chatId);
}
