using System.Globalization;
using System.Text.RegularExpressions;
using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Validation;

/// <summary>
/// Calendar dates. Numbers are always day first (<c>12/9/2022</c> is 12 September), as in
/// Indonesia; month names and abbreviations in Indonesian or English; ISO <c>2022-09-12</c>.
/// </summary>
internal static partial class DateParser
{
    /// <summary>
    /// Two-digit years: 00–49 are 20YY, 50–99 are 19YY (the usual .NET pivot), so <c>12 sep 22</c>
    /// is 2022 and a founding date <c>1/7/95</c> is 1995.
    /// </summary>
    public const int TwoDigitYearMax = 2049;

    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    private static readonly string[] MonthNamesId =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly Dictionary<string, int> Months = BuildMonths();

    public static Parsed<DateOnly> Parse(string input)
    {
        var text = InputText.Clean(input).ToLowerInvariant();
        if (text.Length == 0)
        {
            return Fail("Tanggalnya belum diisi.", "The date is missing.");
        }

        if (text.Length > 60)
        {
            return Fail("Jawabannya terlalu panjang. Tulis tanggalnya saja.", "That answer is too long. Write just the date.");
        }

        text = Prefix().Replace(text, "").Trim().TrimEnd('.', ',', '!').Trim();

        var m = Iso().Match(text);
        if (m.Success)
        {
            return Build(Int(m, "d"), Int(m, "m"), Int(m, "y"), yearDigits: 4);
        }

        m = Numeric().Match(text);
        if (m.Success)
        {
            return Build(Int(m, "d"), Int(m, "m"), Int(m, "y"), m.Groups["y"].Length);
        }

        m = DayMonthName().Match(text);
        if (!m.Success)
        {
            m = MonthNameDay().Match(text);
        }

        if (m.Success)
        {
            if (!Months.TryGetValue(m.Groups["mon"].Value, out var month))
            {
                return Fail("Nama bulannya tidak saya kenal.", "I don't recognise that month name.");
            }

            return Build(Int(m, "d"), month, Int(m, "y"), m.Groups["y"].Length);
        }

        if (NoYear().IsMatch(text))
        {
            return Fail("Tahunnya belum ditulis.", "The year is missing.");
        }

        return Fail("Maaf, tanggalnya belum bisa saya baca.", "Sorry, I couldn't read that date.");
    }

    /// <summary>Indonesian long form for messages: <c>12 September 2022</c>.</summary>
    public static string Format(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {MonthNamesId[date.Month - 1]} {date.Year}");

    /// <summary><c>3 Desember 2026</c>, or in English <c>3 December 2026</c>.</summary>
    public static string Format(DateOnly date, string language) =>
        language == Languages.English
            ? date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : Format(date);

    /// <summary>The month number for an Indonesian or English name or abbreviation (<c>agt</c>, <c>Sept</c>, <c>Mei</c>).</summary>
    public static int? MonthNumber(string name) =>
        Months.TryGetValue(name.Trim().TrimEnd('.').ToLowerInvariant(), out var month) ? month : null;

    private static Parsed<DateOnly> Build(int day, int month, int year, int yearDigits)
    {
        if (yearDigits == 2)
        {
            year += year <= TwoDigitYearMax % 100 ? 2000 : 1900;
        }
        else if (yearDigits != 4 || year is < MinYear or > MaxYear)
        {
            return Fail(
                $"Tahunnya tidak masuk akal. Tulis tahun {MinYear}–{MaxYear} dengan 4 angka.",
                $"That year doesn't look right. Write a year from {MinYear} to {MaxYear} with 4 digits.");
        }

        if (month is < 1 or > 12)
        {
            // "9/13/2022" is the American order; in Indonesia the day comes first.
            return month is > 12 and <= 31 && day is >= 1 and <= 12
                ? Fail($"Bulan {month} tidak ada. Tulis tanggal dulu, baru bulan: {month}/{day}/{year}.",
                    $"There is no month {month}. Write the day first, then the month: {month}/{day}/{year}.")
                : Fail($"Bulan {month} tidak ada; bulan hanya 1 sampai 12.", $"There is no month {month}; months run from 1 to 12.");
        }

        var last = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > last)
        {
            return Fail(
                $"Tanggal {day} tidak ada di bulan {MonthNamesId[month - 1]} {year} (hanya sampai {last}).",
                $"There is no day {day} in {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {year} (it has {last} days).");
        }

        return Parsed<DateOnly>.Success(new DateOnly(year, month, day));
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static Parsed<DateOnly> Fail(string indonesian, string english) =>
        Parsed<DateOnly>.Fail(
            $"{indonesian} Contoh: 12 September 2022 atau 12/9/2022.",
            $"{english} Example: 12 September 2022 or 12/9/2022.");

    private static Dictionary<string, int> BuildMonths()
    {
        var names = new (int Month, string[] Names)[]
        {
            (1, ["januari", "january", "jan"]),
            (2, ["februari", "pebruari", "february", "feb", "peb"]),
            (3, ["maret", "march", "mar", "mrt"]),
            (4, ["april", "apr"]),
            (5, ["mei", "may"]),
            (6, ["juni", "june", "jun"]),
            (7, ["juli", "july", "jul"]),
            (8, ["agustus", "august", "agu", "agt", "ags", "agus", "aug"]),
            (9, ["september", "sep", "sept", "spt"]),
            (10, ["oktober", "october", "okt", "oct"]),
            (11, ["november", "nopember", "nov", "nop"]),
            (12, ["desember", "december", "des", "dec"]),
        };
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (month, list) in names)
        {
            foreach (var name in list)
            {
                months[name] = month;
            }
        }

        return months;
    }

    [GeneratedRegex(@"^(?:(?:tgl|tanggal|tangal|date|on)\.?\s*:?\s*)?(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b\.?\s*,?\s*)?(?:(?:tgl|tanggal)\.?\s*)?", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.]\s*(?<m>\d{1,2})\s*[-/.]\s*(?<d>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s*(?<s>[-/.])\s*(?<m>\d{1,2})\s*\k<s>\s*(?<y>\d{1,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?<d>\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*(?<mon>\p{L}+)\.?[\s\-/.,]*(?<y>\d{1,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"^(?<mon>\p{L}+)\.?\s*(?<d>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?<y>\d{1,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthNameDay();

    [GeneratedRegex(@"^\d{1,2}(?:\s*[-/.]\s*\d{1,2}|[\s\-/.]*\p{L}+\.?)$", RegexOptions.CultureInvariant)]
    private static partial Regex NoYear();
}
