using System.Globalization;

namespace PLKumkm.Bot.Records;

/// <summary>
/// <c>waktu_kirim</c> as ISO 8601 with an offset: <c>2022-09-12T10:15:00+07:00</c>, with optional
/// fractions of a second, <c>Z</c> for UTC, or a space for the <c>T</c>. Read by hand because an
/// import reads a million of them and the framework's culture-aware parsers cost microseconds each.
/// </summary>
internal static class IsoTime
{
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        // yyyy-MM-ddTHH:mm:ss then [.f…] then Z or ±HH:mm
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] is not ('T' or 't' or ' ') || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        var i = 19;
        long ticks = 0;
        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            var scale = (long)TimeSpan.TicksPerSecond;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                scale /= 10;
                ticks += (text[i] - '0') * scale;
                i++;
            }

            if (i == start || i - start > 7)
            {
                return false;
            }
        }

        TimeSpan offset;
        var zone = text[i..];
        if (zone is "Z" or "z")
        {
            offset = TimeSpan.Zero;
        }
        else if (zone.Length == 6 && zone[0] is '+' or '-' && zone[3] == ':' && Digits(zone, 1, 2, out var oh) && Digits(zone, 4, 2, out var om)
                 && oh <= 14 && om < 60)
        {
            offset = new TimeSpan(oh, om, 0) * (zone[0] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        if (month is < 1 or > 12 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks);
        return true;
    }

    /// <summary>The canonical form stored in answers (the offset kept).</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
