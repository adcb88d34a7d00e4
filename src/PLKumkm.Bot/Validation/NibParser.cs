using System.Text.RegularExpressions;
using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Validation;

/// <summary>NIB (Nomor Induk Berusaha) from OSS: 13 digits.</summary>
internal static partial class NibParser
{
    public const string Example = "9120001234567";

    public static Parsed<string> Parse(string input)
    {
        var text = InputText.Clean(input);
        if (text.Length == 0)
        {
            return Fail("NIB belum diisi. NIB adalah 13 angka dari OSS.", "The NIB is missing. An NIB is the 13-digit number from OSS.");
        }

        if (text.Length > 60)
        {
            return Fail("Jawabannya terlalu panjang. Tulis 13 angka NIB saja.", "That answer is too long. Write just the 13 digits of the NIB.");
        }

        var digits = InputText.WithoutSeparators(Label().Replace(text, ""));
        if (digits.Length == 0 || !digits.All(InputText.IsAsciiDigit))
        {
            return Fail("NIB hanya berisi angka, tanpa huruf atau simbol.", "An NIB has digits only, no letters or symbols.");
        }

        if (digits.Length != 13)
        {
            // The two other long numbers a business owner has at hand.
            var hint = digits.Length switch
            {
                16 => new UserText(" Sepertinya itu NIK (16 angka), bukan NIB.", " That looks like a NIK (16 digits), not an NIB."),
                15 => new UserText(" Sepertinya itu NPWP (15 angka), bukan NIB.", " That looks like a tax number (NPWP, 15 digits), not an NIB."),
                _ => new UserText("", ""),
            };
            return Fail(
                $"NIB harus 13 angka, Anda menulis {digits.Length}.{hint.Id}",
                $"An NIB has 13 digits; you wrote {digits.Length}.{hint.En}");
        }

        if (digits.Distinct().Count() == 1)
        {
            return Fail("NIB ini tidak mungkin benar (semua angkanya sama). Periksa lagi di dokumen NIB dari OSS.",
                "That NIB can't be right (all digits are the same). Please check your NIB document from OSS.");
        }

        return Parsed<string>.Success(digits);
    }

    private static Parsed<string> Fail(string indonesian, string english) =>
        Parsed<string>.Fail($"{indonesian} Contoh: {Example}.", $"{english} Example: {Example}.");

    [GeneratedRegex(@"^(?:(?:no|nomor|nomer)\.?\s*)?(?:nib|nomor induk berusaha)(?![\p{L}])\s*[:=.]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
