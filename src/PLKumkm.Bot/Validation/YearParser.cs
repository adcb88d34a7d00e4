using System.Globalization;
using System.Text.RegularExpressions;

namespace PLKumkm.Bot.Validation;

/// <summary>A year in the past, e.g. when a business started: <c>2019</c>, <c>th 2019</c>, <c>Maret 2019</c>.</summary>
internal static partial class YearParser
{
    public static Parsed<int> Parse(string input, int currentYear, int minYear = 1900)
    {
        var example = Math.Clamp(currentYear - 3, minYear, currentYear).ToString(CultureInfo.InvariantCulture);
        var text = InputText.Clean(input).ToLowerInvariant();
        if (text.Length == 0)
        {
            return Fail("Tahunnya belum diisi.", "The year is missing.", example);
        }

        if (text.Length > 60)
        {
            return Fail("Jawabannya terlalu panjang. Tulis tahunnya saja.", "That answer is too long. Write just the year.", example);
        }

        text = Prefix().Replace(text, "").Trim().TrimEnd('.', ',', '!').Trim();
        switch (text)
        {
            case "ini" or "this year":
                return Check(currentYear, currentYear, minYear, example);
            case "lalu" or "kemarin" or "last year":
                return Check(currentYear - 1, currentYear, minYear, example);
        }

        var m = FourDigits().Match(text);
        if (m.Success)
        {
            return Check(int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture), currentYear, minYear, example);
        }

        m = TwoDigits().Match(text);
        if (m.Success)
        {
            // "'19" could be 1919 or 2019; guessing a founding year wrong is worse than asking.
            var yy = int.Parse(m.Groups["yy"].ValueSpan, CultureInfo.InvariantCulture);
            var guess = 2000 + yy <= currentYear ? 2000 + yy : 1900 + yy;
            return Parsed<int>.Fail(
                $"Mohon tulis tahun lengkap 4 angka. Maksud Anda {guess}? Contoh: {example}.",
                $"Please write the full 4-digit year. Did you mean {guess}? Example: {example}.");
        }

        m = MonthYear().Match(text);
        if (m.Success && DateParser.MonthNumber(m.Groups["mon"].Value) is not null)
        {
            return Check(int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture), currentYear, minYear, example);
        }

        var date = DateParser.Parse(text);
        if (date.Ok)
        {
            return Check(date.Value.Year, currentYear, minYear, example);
        }

        // "dua ribu sembilan belas".
        var reading = NumberWords.Read(text, NumberWords.Style.Count);
        if (reading.Ok && reading.Rest.Length == 0 && !reading.HasFraction && reading.Value is >= 1000 and <= 9999)
        {
            return Check((int)reading.Value, currentYear, minYear, example);
        }

        return Fail("Maaf, tahunnya belum bisa saya baca. Tulis 4 angka.", "Sorry, I couldn't read that year. Write 4 digits.", example);
    }

    private static Parsed<int> Check(int year, int currentYear, int minYear, string example)
    {
        if (year > currentYear)
        {
            return Fail(
                $"Tahun {year} belum datang. Tulis tahun {currentYear} atau sebelumnya.",
                $"{year} is still in the future. Write {currentYear} or earlier.", example);
        }

        if (year < minYear)
        {
            return Fail(
                $"Tahun {year} terlalu lama. Tulis tahun {minYear} atau sesudahnya.",
                $"{year} is too early. Write {minYear} or later.", example);
        }

        return Parsed<int>.Success(year);
    }

    private static Parsed<int> Fail(string indonesian, string english, string example) =>
        Parsed<int>.Fail($"{indonesian} Contoh: {example}.", $"{english} Example: {example}.");

    [GeneratedRegex(@"^(?:(?:sejak|mulai|dari|pada|since|from|in|sekitar|kira-kira|kira2|±)(?!\p{L})\s*)*(?:(?:th|thn|tahun|tahunnya|year)(?!\p{L})\.?\s*:?\s*)?", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(?<y>\d{4})(?:\s*-?\s*an)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"^'?(?<yy>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TwoDigits();

    [GeneratedRegex(@"^(?<mon>\p{L}+)\.?\s*(?<y>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();
}
