namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>Length limits and splitting of plain text before it is HTML-escaped.</summary>
internal static class TelegramText
{
    /// <summary>sendMessage limit. Telegram counts after entity parsing, so the plain text's length is
    /// what matters; UTF-16 units are never fewer than code points, so counting them is safe.</summary>
    public const int MaxMessageLength = 4096;

    public const int MaxCaptionLength = 1024;

    /// <summary>Splits <paramref name="text"/> into pieces of at most <paramref name="limit"/> UTF-16 units,
    /// preferring line breaks, then spaces, and never cutting a surrogate pair.</summary>
    public static IReadOnlyList<string> Split(string text, int limit = MaxMessageLength) =>
        Messaging.TextSplitter.Split(text, limit);
}
