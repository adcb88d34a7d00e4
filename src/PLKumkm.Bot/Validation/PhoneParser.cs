using System.Text.RegularExpressions;
using PhoneNumbers;

namespace PLKumkm.Bot.Validation;

/// <summary>Indonesian mobile numbers (the ones WhatsApp and SMS reach), stored as E.164.</summary>
internal static partial class PhoneParser
{
    public const string Example = "0812 3456 7890";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Indonesian mobile number → E.164 (<c>+6281234567890</c>).</summary>
    public static Parsed<string> Parse(string input)
    {
        var text = InputText.Clean(input);
        if (text.Length == 0)
        {
            return Fail("Nomor HP belum diisi.", "The mobile number is missing.");
        }

        if (text.Length > 60)
        {
            return Fail("Jawabannya terlalu panjang. Tulis satu nomor HP saja.", "That answer is too long. Write one mobile number only.");
        }

        text = Label().Replace(text, " ").Trim();
        if (InputText.CountDigits(text) >= 18 && Several().IsMatch(text))
        {
            return Fail("Tulis satu nomor HP saja.", "Please write one mobile number only.");
        }

        // libphonenumber would turn letters into keypad digits ("0812-CALL-ME"); people mean no such thing.
        if (text.Any(c => !InputText.IsAsciiDigit(c) && c is not (' ' or '+' or '-' or '.' or '(' or ')')) || InputText.CountDigits(text) == 0)
        {
            return Fail("Nomor HP hanya berisi angka (boleh diawali +62).", "A mobile number has digits only (it may start with +62).");
        }

        var digits = new string(text.Where(InputText.IsAsciiDigit).ToArray());
        var international = text.TrimStart('(', ' ').StartsWith('+') || digits.StartsWith("00", StringComparison.Ordinal);
        digits = digits.StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits;
        if (!international && digits.StartsWith("62", StringComparison.Ordinal) && (digits.Length >= 10 || digits.StartsWith("628", StringComparison.Ordinal)))
        {
            // "628123456789": the country code typed without "+"; "62812777" too, only shorter: people type 62 for +62,
            // and write a landline with its leading 0.
            international = true;
        }

        if (international && digits.StartsWith("620", StringComparison.Ordinal))
        {
            // "+62 0812…": the trunk 0 kept after the country code; no Indonesian number starts with it.
            digits = "62" + digits[3..];
        }

        if (digits.Length < 6)
        {
            return Fail($"Nomor HP terlalu pendek ({digits.Length} angka).", $"That number is too short ({digits.Length} digits).");
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(international ? "+" + digits : digits, "ID");
        }
        catch (NumberParseException)
        {
            return Fail("Nomor ini bukan nomor HP yang benar.", "That is not a valid mobile number.");
        }

        if (number.CountryCode != 62)
        {
            return Fail(
                $"Ini nomor luar negeri (+{number.CountryCode}). Kami perlu nomor HP Indonesia.",
                $"That is a foreign number (+{number.CountryCode}). We need an Indonesian mobile number.");
        }

        var national = Util.GetNationalSignificantNumber(number);
        var type = Util.GetNumberType(number);
        // A short number starting with 8 (62812777) is a mobile number with digits missing, not a landline.
        if (type is PhoneNumberType.FIXED_LINE && !national.StartsWith('8'))
        {
            return Fail(
                "Sepertinya ini nomor telepon rumah/kantor. Kami perlu nomor HP (diawali 08).",
                "That looks like a landline. We need a mobile number (starting with 08).");
        }

        if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            var reason = Util.IsPossibleNumberWithReason(number);
            if (national.StartsWith('8') && reason == PhoneNumberUtil.ValidationResult.IS_POSSIBLE && national.Length < 9)
            {
                // Possible as a short landline, but a number starting with 8 is meant as a mobile one.
                reason = PhoneNumberUtil.ValidationResult.TOO_SHORT;
            }

            if (national.StartsWith('8') && reason != PhoneNumberUtil.ValidationResult.IS_POSSIBLE)
            {
                var count = national.Length + 1;
                return reason == PhoneNumberUtil.ValidationResult.TOO_LONG
                    ? Fail($"Nomor HP terlalu panjang ({count} angka dengan 0 di depan). Nomor HP Indonesia 10–13 angka.",
                        $"That number is too long ({count} digits with the leading 0). Indonesian mobile numbers have 10–13 digits.")
                    : Fail($"Nomor HP terlalu pendek ({count} angka dengan 0 di depan). Nomor HP Indonesia 10–13 angka.",
                        $"That number is too short ({count} digits with the leading 0). Indonesian mobile numbers have 10–13 digits.");
            }

            return Fail(
                "Nomor ini bukan nomor HP Indonesia yang benar. Nomor HP diawali 08.",
                "That is not a valid Indonesian mobile number. Mobile numbers start with 08.");
        }

        return Parsed<string>.Success(Util.Format(number, PhoneNumberFormat.E164));
    }

    private static Parsed<string> Fail(string indonesian, string english) =>
        Parsed<string>.Fail(
            $"{indonesian} Contoh: {Example} atau +62 812 3456 7890.",
            $"{english} Example: {Example} or +62 812 3456 7890.");

    [GeneratedRegex(@"(?<![\p{L}])(?:no|nomor|nomer|hp|wa|whatsapp|telp|tlp|telepon|ponsel|handphone|phone|mobile|tel)(?![\p{L}])\.?\s*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"\d[\s\-.()]*(?:[/,;&]|\b(?:atau|dan|or|and)\b)[\s\-.()+]*\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Several();
}
