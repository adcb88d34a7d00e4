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
    public static IReadOnlyList<string> Split(string text, int limit = MaxMessageLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        if (text.Length <= limit)
        {
            return [text];
        }

        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > limit)
        {
            var window = rest[..limit];
            var cut = window.LastIndexOf('\n');
            if (cut <= 0)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut <= 0)
            {
                cut = char.IsHighSurrogate(window[^1]) ? limit - 1 : limit;
            }

            AddPiece(parts, rest[..cut]);
            rest = rest[cut..];
            // The separator we cut at would otherwise start the next message.
            if (rest.Length > 0 && (rest[0] == '\n' || rest[0] == ' '))
            {
                rest = rest[1..];
            }
        }

        AddPiece(parts, rest);
        return parts;
    }

    private static void AddPiece(List<string> parts, ReadOnlySpan<char> piece)
    {
        var trimmed = piece.TrimEnd();
        if (!trimmed.IsWhiteSpace())
        {
            parts.Add(trimmed.ToString());
        }
    }
}
