using System.Globalization;

namespace PLKumkm.Bot.Importing;

/// <summary>
/// A spreadsheet runs a cell that starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> as a formula, so a business
/// named "=HYPERLINK(…)" typed into the chat could attack the official who opens the export. Such text cells get a
/// leading apostrophe (shown by nobody, understood by every spreadsheet). Numbers (a negative SHU) and phone numbers
/// (<c>+62…</c>) are left alone. <c>records import</c> must read the file back with <see cref="Unguard"/>.
/// </summary>
internal static class CsvFormulaGuard
{
    private const char Marker = '\'';

    public static string Guard(string value) =>
        NeedsGuard(value) ? Marker + value : value;

    /// <summary>The value as it was before <see cref="Guard"/>.</summary>
    public static string Unguard(string value) =>
        value.Length > 1 && value[0] == Marker && NeedsGuard(value[1..]) ? value[1..] : value;

    private static bool NeedsGuard(string value) =>
        value.Length > 0
        && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
