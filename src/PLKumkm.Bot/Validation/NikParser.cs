using System.Globalization;
using System.Text.RegularExpressions;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Validation;

/// <summary>
/// NIK (Nomor Induk Kependudukan) from the KTP: 16 digits holding the region of first
/// registration (PP RR KK), the birth date (DDMMYY, day + 40 for women) and a serial.
/// </summary>
internal static partial class NikParser
{
    /// <summary>A NIK that passes every rule (16.01, born 12 May 1985, male), for messages.</summary>
    public const string Example = "1601071205850001";

    public const int Length = 16;

    /// <summary>As <see cref="Parse(string, IRegionLookup?, DateOnly)"/> with today's UTC date.</summary>
    public static Parsed<NikInfo> Parse(string input, IRegionLookup? regions = null) =>
        // The one impure line: the birth century depends on today. Everything testable takes a date.
        Parse(input, regions, DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>
    /// Checks a NIK. The birth year is 20YY unless that date would be after <paramref name="today"/>,
    /// then 19YY. Without <paramref name="regions"/>, a province code only has to lie in 11–99.
    /// </summary>
    public static Parsed<NikInfo> Parse(string input, IRegionLookup? regions, DateOnly today)
    {
        var text = InputText.Clean(input);
        if (text.Length == 0)
        {
            return Fail("NIK belum diisi. Tulis 16 angka NIK dari KTP.", "The NIK is missing. Write the 16 digits from the ID card (KTP).");
        }

        if (text.Length > 80)
        {
            return Fail("Jawabannya terlalu panjang. Tulis 16 angka NIK saja.", "That answer is too long. Write just the 16 digits of the NIK.");
        }

        var digits = InputText.WithoutSeparators(Label().Replace(text, ""));
        if (digits.Length == 0 || !digits.All(InputText.IsAsciiDigit))
        {
            // O for 0 and I or l for 1 are the usual slips when copying from a KTP.
            var lookalike = digits.Any(c => c is 'O' or 'o' or 'I' or 'l') && digits.All(c => InputText.IsAsciiDigit(c) || c is 'O' or 'o' or 'I' or 'l');
            return lookalike
                ? Fail("NIK hanya berisi angka. Sepertinya ada huruf O atau I: ganti dengan angka 0 atau 1.",
                    "A NIK has digits only. There seems to be a letter O or I: use the digit 0 or 1 instead.")
                : Fail("NIK hanya berisi angka, tanpa huruf atau simbol.", "A NIK has digits only, no letters or symbols.");
        }

        if (digits.Length != Length)
        {
            return Fail($"NIK harus 16 angka, Anda menulis {digits.Length}.", $"A NIK has 16 digits; you wrote {digits.Length}.");
        }

        if (!digits.AsSpan().ContainsAnyExcept(digits[0]))
        {
            return Fail("NIK ini tidak mungkin benar (semua angkanya sama). Periksa lagi KTP Anda.",
                "That NIK can't be right (all digits are the same). Please check the ID card.");
        }

        var province = digits[..2];
        var knownProvince = regions?.ProvinceExists(province) ?? string.CompareOrdinal(province, "11") >= 0;
        if (!knownProvince)
        {
            return Fail(
                $"2 angka pertama NIK ({province}) bukan kode provinsi yang ada. Periksa lagi KTP Anda.",
                $"The first 2 digits of the NIK ({province}) are not a province code. Please check the ID card.");
        }

        var birth = digits.Substring(6, 6);
        var day = int.Parse(birth.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(birth.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var yy = int.Parse(birth.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var female = day > 40;
        if (female)
        {
            day -= 40;
        }

        // 20YY unless that birthday has not come yet, so a NIK issued in 2023 to a baby born in
        // 2023 reads 2023, and 85 reads 1985.
        var year = 2000 + yy;
        if ((year, month, day).CompareTo((today.Year, today.Month, today.Day)) > 0)
        {
            year -= 100;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Fail(
                $"Angka ke-7 sampai ke-12 NIK ({birth}) seharusnya tanggal lahir TTBBTT (untuk perempuan tanggal ditambah 40), tapi bukan tanggal yang ada. Periksa lagi KTP Anda.",
                $"Digits 7 to 12 of the NIK ({birth}) should be the birth date DDMMYY (40 added to the day for women), but that is not a real date. Please check the ID card.");
        }

        if (digits.EndsWith("0000", StringComparison.Ordinal))
        {
            return Fail("4 angka terakhir NIK tidak mungkin 0000. Periksa lagi KTP Anda.",
                "The last 4 digits of a NIK are never 0000. Please check the ID card.");
        }

        var regency = $"{province}.{digits.Substring(2, 2)}";
        var info = new NikInfo(digits, new DateOnly(year, month, day), female, province, regency);
        var knownRegency = digits.Substring(2, 2) != "00" && (regions?.RegencyExists(regency) ?? true);
        return knownRegency
            ? Parsed<NikInfo>.Success(info)
            : Parsed<NikInfo>.Success(info, new UserText(
                // Regencies split and merge; a NIK keeps its first code for life, so this is only a heads-up.
                $"Kode kabupaten/kota di NIK ({regency}) tidak ada di daftar wilayah sekarang. NIK tetap diterima, karena NIK lama tetap berlaku setelah pemekaran wilayah; pastikan angkanya sudah benar.",
                $"The regency code in the NIK ({regency}) is not in the current list of regions. The NIK is accepted, since old NIKs stay valid after regions split; please make sure the digits are right."));
    }

    /// <summary>
    /// <c>1601********0001</c>: what anyone but the owner sees. Anything that is not 16 characters
    /// is masked entirely, since it is not a NIK and its shape should not leak.
    /// </summary>
    public static string Mask(string digits)
    {
        if (string.IsNullOrEmpty(digits))
        {
            return "";
        }

        return digits.Length == Length
            ? string.Concat(digits.AsSpan(0, 4), "********", digits.AsSpan(12, 4))
            : new string('*', digits.Length);
    }

    private static Parsed<NikInfo> Fail(string indonesian, string english) =>
        Parsed<NikInfo>.Fail($"{indonesian} Contoh: {Example}.", $"{english} Example: {Example}.");

    [GeneratedRegex(@"^(?:(?:no|nomor|nomer)\.?\s*)?(?:nik|n\.i\.k\.?|nomor induk kependudukan)(?![\p{L}])\s*(?:ktp(?![\p{L}]))?\s*[:=.]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
