using System.Text.RegularExpressions;

namespace PLKumkm.Bot.Validation;

/// <summary>Counts (workers, members): <c>2</c>, <c>2 orang</c>, <c>1.000</c>, <c>dua belas</c>.</summary>
internal static partial class IntegerParser
{
    public static Parsed<long> Parse(string input, long min = 0, long max = long.MaxValue)
    {
        var example = MoneyFormat.Grouped(Math.Clamp(5, min, max));
        var text = InputText.Clean(input).ToLowerInvariant();
        if (text.Length == 0)
        {
            return Parsed<long>.Fail(
                $"Jawabannya belum diisi. Tulis jumlahnya dengan angka, contoh: {example}.",
                $"The answer is missing. Write the number in digits, e.g. {example}.");
        }

        if (text.Length > 60)
        {
            return Parsed<long>.Fail(
                $"Jawabannya terlalu panjang. Tulis angkanya saja, contoh: {example}.",
                $"That answer is too long. Write just the number, e.g. {example}.");
        }

        text = Filler().Replace(text, "");
        if (Nothing().IsMatch(text))
        {
            return InRange(0, min, max, example);
        }

        var negative = false;
        var sign = Sign().Match(text);
        if (sign.Success)
        {
            negative = sign.Groups["minus"].Success;
            text = text[sign.Length..];
        }

        if (Numerals().Count(text) > 1)
        {
            return Parsed<long>.Fail(
                $"Tulis satu angka saja, contoh: {example}.",
                $"Please write one number only, e.g. {example}.");
        }

        var reading = NumberWords.Read(text, NumberWords.Style.Count);
        if (reading.Failure == NumberWords.Failure.TooLarge)
        {
            return OutOfRange(min, max, example);
        }

        // Whatever follows the number must be a word ("orang", "pekerja"), not more numbers or symbols.
        if (!reading.Ok || !Noun().IsMatch(reading.Rest))
        {
            return Parsed<long>.Fail(
                $"Maaf, jumlahnya belum bisa saya baca. Tulis dengan angka, contoh: {example}.",
                $"Sorry, I couldn't read that number. Write it in digits, e.g. {example}.");
        }

        if (NumberWords.MentionsNumber(reading.Rest))
        {
            return Parsed<long>.Fail(
                $"Tulis satu angka saja, contoh: {example}.",
                $"Please write one number only, e.g. {example}.");
        }

        if (reading.HasFraction)
        {
            return Parsed<long>.Fail(
                $"Tulis bilangan bulat, tanpa koma, contoh: {example}.",
                $"Please write a whole number, without decimals, e.g. {example}.");
        }

        if (reading.Value > long.MaxValue)
        {
            return OutOfRange(min, max, example);
        }

        var value = (long)reading.Value;
        return InRange(negative ? -value : value, min, max, example);
    }

    private static Parsed<long> InRange(long value, long min, long max, string example) =>
        value < min || value > max ? OutOfRange(min, max, example) : Parsed<long>.Success(value);

    private static Parsed<long> OutOfRange(long min, long max, string example)
    {
        string lo = MoneyFormat.Grouped(min), hi = MoneyFormat.Grouped(max);
        return (min == long.MinValue, max == long.MaxValue) switch
        {
            (false, true) => Parsed<long>.Fail(
                $"Angkanya paling sedikit {lo}. Contoh: {example}.",
                $"The number must be at least {lo}. Example: {example}."),
            (true, false) => Parsed<long>.Fail(
                $"Angkanya paling banyak {hi}. Contoh: {example}.",
                $"The number must be at most {hi}. Example: {example}."),
            _ => Parsed<long>.Fail(
                $"Angkanya harus dari {lo} sampai {hi}. Contoh: {example}.",
                $"The number must be from {lo} to {hi}. Example: {example}."),
        };
    }

    [GeneratedRegex(@"^(?:(?:ada|sekitar|kira-kira|kira2|kurang lebih|jumlahnya|jumlah|total|sebanyak|semuanya|about|around|approx\.?)\s*:?\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    [GeneratedRegex(@"^(?:nihil|tidak ada|tdk ada|belum ada|blm ada|gak ada|ga ada|nggak ada|kosong|none)$", RegexOptions.CultureInvariant)]
    private static partial Regex Nothing();

    [GeneratedRegex(@"^(?:(?<minus>-|minus\b)|\+)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Sign();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*(?:[ ']\d{3}(?![\d.,]))*", RegexOptions.CultureInvariant)]
    private static partial Regex Numerals();

    [GeneratedRegex(@"^[\p{L}\s'()-]*\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Noun();
}
