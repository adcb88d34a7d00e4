using System.Text.RegularExpressions;

namespace PLKumkm.Bot.Validation;

/// <summary>
/// Rupiah amounts as people type them: <c>Rp2.500.000</c>, <c>2,5jt</c>, <c>500rb</c>,
/// <c>1,2 M</c>, <c>dua setengah juta</c>, <c>15jt/bulan</c>. Whole rupiah; an optional period.
/// </summary>
internal static partial class MoneyParser
{
    /// <summary>Above Rp1.000 triliun no single business is plausible; refusing also keeps <see cref="ToAnnual(long, MoneyPeriod)"/> far from overflow.</summary>
    public const long MaxRupiah = 1_000_000_000_000_000;

    /// <summary>From Rp1 triliun on, an amount is asked back: usually a slip with the zeros.</summary>
    public const long ConfirmFrom = 1_000_000_000_000;

    /// <summary>Below this, an amount without a scale word (<c>50</c>) is probably missing <c>rb</c> or <c>jt</c>.</summary>
    public const long ConfirmBelow = 1_000;

    /// <summary>Rupiah amounts cannot be negative (sales, capital, assets).</summary>
    public static Parsed<MoneyValue> Parse(string input) => Parse(input, allowNegative: false);

    /// <summary>
    /// With <paramref name="allowNegative"/>, a loss is accepted as <c>-5jt</c>, <c>minus 5 juta</c>,
    /// <c>rugi 5 juta</c> or accounting style <c>(5.000.000)</c>: a cooperative's SHU may be negative.
    /// </summary>
    public static Parsed<MoneyValue> Parse(string input, bool allowNegative)
    {
        var text = InputText.Clean(input).ToLowerInvariant();
        if (text.Length == 0)
        {
            return Parsed<MoneyValue>.Fail(
                "Jumlah uangnya belum diisi. " + ExamplesId,
                "The amount is missing. " + ExamplesEn);
        }

        if (text.Length > 100)
        {
            return Parsed<MoneyValue>.Fail(
                "Jawabannya terlalu panjang. Tulis jumlahnya saja. " + ExamplesId,
                "That answer is too long. Write just the amount. " + ExamplesEn);
        }

        var (rest, period) = TakePeriod(text);
        rest = Hedge().Replace(rest, "");
        rest = RoughlySuffix().Replace(rest, "");
        rest = Currency().Replace(rest, " ").Trim();

        var negative = false;
        if (rest.Length > 1 && rest[0] == '(' && rest[^1] == ')')
        {
            negative = true;
            rest = rest[1..^1];
        }

        rest = rest.Trim().TrimEnd(' ', '.', ',', '!', '-', '=').Trim();
        var sign = Sign().Match(rest);
        if (sign.Success)
        {
            negative |= sign.Groups["minus"].Success;
            rest = rest[sign.Length..].Trim();
        }

        if (Range().IsMatch(rest))
        {
            return Parsed<MoneyValue>.Fail(
                "Tulis satu jumlah saja, bukan kisaran. Kalau ragu, tulis perkiraan terbaik Anda, contoh: 2,5jt.",
                "Please give one amount, not a range. If unsure, give your best estimate, e.g. 2,5jt.");
        }

        if (Nothing().IsMatch(rest))
        {
            // "nihil" is a clear zero; "tidak ada" might also mean "I don't know", so ask back.
            return Parsed<MoneyValue>.Success(new MoneyValue(0, period.Period, NeedsConfirmation: rest is not ("nihil" or "nol")));
        }

        var reading = NumberWords.Read(rest, NumberWords.Style.Money);
        if (reading.Failure == NumberWords.Failure.TooLarge)
        {
            return TooLarge();
        }

        if (!reading.Ok || reading.Rest.Length > 0)
        {
            return Parsed<MoneyValue>.Fail(
                "Maaf, jumlah uangnya belum bisa saya baca. Tulis dengan angka. " + ExamplesId,
                "Sorry, I couldn't read that amount. Write it in digits. " + ExamplesEn);
        }

        var amount = reading.Value * period.Factor;
        var unsure = reading.Unsure || period.Factor != 1;
        var whole = decimal.Round(amount, MidpointRounding.AwayFromZero);
        if (whole != amount)
        {
            // Rupiah have no cents in practice; a fraction left over means the reading may be off.
            unsure = true;
        }

        if (whole > MaxRupiah)
        {
            return TooLarge();
        }

        if (negative && whole != 0 && !allowNegative)
        {
            return Parsed<MoneyValue>.Fail(
                "Jumlahnya tidak boleh minus. Tulis tanpa tanda minus, contoh: 2.500.000.",
                "The amount can't be negative. Write it without a minus sign, e.g. 2.500.000.");
        }

        var rupiah = (long)whole;
        unsure |= rupiah >= ConfirmFrom || (rupiah is > 0 and < ConfirmBelow && !reading.HasScale);
        return Parsed<MoneyValue>.Success(new MoneyValue(negative ? -rupiah : rupiah, period.Period, unsure));
    }

    /// <summary>
    /// Days a small business is open in a year when the owner gives daily sales: 25 a month (a day off a
    /// week), the usual assumption of UMKM surveys. Multiplying by 365 overstated every daily answer by a
    /// fifth; the chat states this default whenever it converts, so an owner whose days differ can answer
    /// per month instead.
    /// </summary>
    public const int OpenDaysPerYear = 300;

    /// <summary>A per-day or per-month amount as per year (a day: see <see cref="OpenDaysPerYear"/>).</summary>
    public static long ToAnnual(long rupiah, MoneyPeriod period) => period switch
    {
        MoneyPeriod.Day => checked(rupiah * OpenDaysPerYear),
        MoneyPeriod.Month => checked(rupiah * 12),
        MoneyPeriod.Year => rupiah,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    /// <summary>As <see cref="ToAnnual(long, MoneyPeriod)"/>; an amount written without a period is taken as <paramref name="assumed"/>.</summary>
    public static long ToAnnual(MoneyValue value, MoneyPeriod assumed = MoneyPeriod.Year) =>
        ToAnnual(value.Rupiah, value.Period ?? assumed);

    private const string ExamplesId = "Contoh: 2.500.000, 2,5jt, atau 500rb.";
    private const string ExamplesEn = "Examples: 2.500.000, 2,5jt, or 500rb.";

    private static Parsed<MoneyValue> TooLarge() => Parsed<MoneyValue>.Fail(
        "Jumlahnya terlalu besar untuk satu usaha. Periksa lagi jumlah nolnya, contoh: 2.500.000 (dua setengah juta).",
        "That amount is too large for one business. Please check the zeros, e.g. 2.500.000 (two and a half million).");

    private readonly record struct PeriodInfo(MoneyPeriod? Period, decimal Factor);

    private static (string Remainder, PeriodInfo Period) TakePeriod(string text)
    {
        foreach (var pattern in (ReadOnlySpan<Regex>)[PeriodSuffix(), PeriodAfterSpace(), PeriodAdjective(), PeriodPrefix()])
        {
            var m = pattern.Match(text);
            if (m.Success)
            {
                return (text.Remove(m.Index, m.Length).Trim(), ToPeriod(m.Groups["p"].Value));
            }
        }

        return (text, new PeriodInfo(null, 1));
    }

    private static PeriodInfo ToPeriod(string word) => word switch
    {
        "hari" or "hr" or "day" or "harian" or "daily" => new(MoneyPeriod.Day, 1),
        "bulan" or "bln" or "bl" or "month" or "mo" or "mth" or "bulanan" or "monthly" => new(MoneyPeriod.Month, 1),
        // There is no weekly period in the data: 52 weeks make the year, and the person confirms.
        "minggu" or "mgg" or "mg" or "pekan" or "week" or "wk" or "mingguan" or "weekly" => new(MoneyPeriod.Year, 52),
        _ => new(MoneyPeriod.Year, 1),
    };

    private const string PeriodWords = "hari|hr|bulan|bln|bl|tahun|thn|th|day|month|mth|mo|year|yr|annum|minggu|mgg|mg|pekan|week|wk";

    [GeneratedRegex(@"\s*(?:/|per|tiap|setiap|\ba\b|\ban\b)\s*(?<p>" + PeriodWords + @")\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodSuffix();

    [GeneratedRegex(@"(?:^|\s)(?:se)?(?<p>hari|bulan|tahun|minggu|pekan)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodAfterSpace();

    [GeneratedRegex(@"\s*\b(?<p>harian|bulanan|tahunan|mingguan|daily|monthly|yearly|annually|annual|weekly)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodAdjective();

    [GeneratedRegex(@"^(?:(?:per|tiap|setiap)\s*|se)(?<p>hari|bulan|tahun|minggu|pekan)\b\s*[:,]?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPrefix();

    [GeneratedRegex(@"^(?:sekitaran|sekitar|kira-kira|kira2|kurang lebih|kurleb|krg lbh|lebih kurang|rata-rata|rata2|kisaran|sktr|approximately|approx\.?|about|around|±|\+/-|\+-)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Hedge();

    [GeneratedRegex(@"(?<![\p{L}])(?:rupiah|rp|idr)\.?(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex Currency();

    [GeneratedRegex(@"^(?:(?<minus>-|minus\b|negatif\b|rugi\b)|\+)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Sign();

    [GeneratedRegex(@"[\d\p{L}]\s*(?:-|~|s/d|s\.d\.?)\s*\d|\s(?:sd|sampai|hingga|atau|or|to|ke)\s", RegexOptions.CultureInvariant)]
    private static partial Regex Range();

    // "3jt an", "3 jutaan", "500rban": about that much, said the everyday way (after a digit or a scale only, so "delapan" stays).
    [GeneratedRegex(@"(?<=\d|jt|juta|rb|ribu|k|miliar|milyar|m)\s*-?\s*an$", RegexOptions.CultureInvariant)]
    private static partial Regex RoughlySuffix();

    [GeneratedRegex(@"^(?:nihil|nol|tidak ada|tdk ada|belum ada|blm ada|gak ada|ga ada|nggak ada|kosong)$", RegexOptions.CultureInvariant)]
    private static partial Regex Nothing();
}
