using System.Globalization;
using System.Text;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>
/// A strict-enough copy of Telegram's HTML parse mode: only the documented tags, properly nested,
/// and the four named entities plus numeric ones. Unescaped user text such as "&lt;b&gt;" fails here
/// the way it fails at Telegram ("can't parse entities").
/// </summary>
internal static class FakeTelegramHtml
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
        "code", "pre", "blockquote", "tg-emoji",
    };

    public static bool TryToPlain(string html, out string plain, out string? error)
    {
        var text = new StringBuilder(html.Length);
        var open = new Stack<string>();
        error = null;
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                var close = html.IndexOf('>', i);
                if (close < 0)
                {
                    return Fail($"Unclosed start tag at byte offset {i}", out plain, out error);
                }

                var tag = html[(i + 1)..close].Trim();
                if (tag.StartsWith('/'))
                {
                    var name = tag[1..].Trim();
                    if (open.Count == 0 || !string.Equals(open.Peek(), name, StringComparison.OrdinalIgnoreCase))
                    {
                        return Fail($"Unmatched end tag at byte offset {i}, expected \"</{(open.Count > 0 ? open.Peek() : "")}>\", found \"</{name}>\"", out plain, out error);
                    }

                    open.Pop();
                }
                else
                {
                    var name = tag.Split(' ', 2)[0];
                    if (!AllowedTags.Contains(name))
                    {
                        return Fail($"Unsupported start tag \"{name}\" at byte offset {i}", out plain, out error);
                    }

                    open.Push(name);
                }

                i = close;
            }
            else if (c == '&' && TryEntity(html, i, out var decoded, out var length))
            {
                text.Append(decoded);
                i += length - 1;
            }
            else
            {
                text.Append(c);
            }
        }

        if (open.Count > 0)
        {
            return Fail($"Can't find end tag corresponding to start tag \"{open.Peek()}\"", out plain, out error);
        }

        plain = text.ToString();
        return true;
    }

    private static bool TryEntity(string html, int start, out string decoded, out int length)
    {
        decoded = "";
        var end = html.IndexOf(';', start);
        length = end - start + 1;
        if (end < 0 || length > 12)
        {
            return false;
        }

        var name = html[(start + 1)..end];
        decoded = name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            _ when name.StartsWith("#x", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(name[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) => FromCodePoint(hex),
            _ when name.StartsWith('#')
                && int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var dec) => FromCodePoint(dec),
            _ => "",
        };
        return decoded.Length > 0;
    }

    private static string FromCodePoint(int value) =>
        value is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(value) : "";

    private static bool Fail(string message, out string plain, out string? error)
    {
        plain = "";
        error = "Bad Request: can't parse entities: " + message;
        return false;
    }
}
