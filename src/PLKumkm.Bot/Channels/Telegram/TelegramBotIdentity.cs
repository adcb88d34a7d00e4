using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>
/// The bot's own username (getMe), learnt at start: it tells <c>/start@ThisBot</c> from a command meant for another
/// bot in a group, and makes the <c>t.me/&lt;bot&gt;?start=daftar</c> link that takes a group member to a private chat.
/// Until it is known every mention is taken as ours and the link is left out.
/// </summary>
internal sealed class TelegramBotIdentity(ITelegramBotClient bot, ILogger<TelegramBotIdentity> logger)
{
    private volatile string? _username;

    public string? Username => _username;

    /// <summary>A private-chat deep link that opens the registration, or null while the username is not known.</summary>
    public string? PrivateChatLink(string start) => _username is { } name ? $"https://t.me/{name}?start={start}" : null;

    /// <summary>Best effort: a failure is one log line and the bot runs on without the username.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            var me = await bot.GetMe(ct).ConfigureAwait(false);
            _username = string.IsNullOrWhiteSpace(me.Username) ? null : me.Username;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Telegram getMe failed ({Failure}); commands addressed to other bots cannot be told apart yet",
                TelegramRetryPolicy.Describe(ex));
        }
    }

    /// <summary>For tests and hosts that know the username already.</summary>
    internal void Set(string? username) => _username = username;
}
