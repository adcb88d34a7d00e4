using System.Text.RegularExpressions;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// Outbound text may mark a few words <c>*bold*</c> (WhatsApp's own syntax). A masked NIK
/// (<c>1601********0001</c>) is never taken for markup: a marker must stand at a word boundary.
/// </summary>
internal static partial class LightMarkup
{
    public static string ToPlain(string text) => Bold().Replace(text, "$1");

    /// <summary>Escapes for Telegram's HTML parse mode, then turns the markers into <c>&lt;b&gt;</c>.</summary>
    public static string ToTelegramHtml(string text) =>
        Bold().Replace(Telegram.Bot.Extensions.HtmlText.Escape(text) ?? "", "<b>$1</b>");

    [GeneratedRegex(@"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")]
    private static partial Regex Bold();
}
