// TEMPORARY: signatures only, replaced by the validation work before anything lands.
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Validation;

internal static class NikParser
{
    public static Parsed<NikInfo> Parse(string input, IRegionLookup? regions = null) => throw new NotImplementedException();
    public static string Mask(string digits) => throw new NotImplementedException();
}

internal static class PhoneParser
{
    /// <summary>Indonesian mobile number → E.164 (<c>+6281234567890</c>).</summary>
    public static Parsed<string> Parse(string input) => throw new NotImplementedException();
}

internal static class MoneyParser
{
    public static Parsed<MoneyValue> Parse(string input) => throw new NotImplementedException();
    public static Parsed<MoneyValue> Parse(string input, bool allowNegative) => throw new NotImplementedException();
    public static long ToAnnual(long rupiah, MoneyPeriod period) => throw new NotImplementedException();
}

internal static class MoneyFormat
{
    /// <summary><c>Rp2.500.000</c>.</summary>
    public static string Rupiah(long value) => throw new NotImplementedException();
}

internal static class IntegerParser
{
    public static Parsed<long> Parse(string input, long min = 0, long max = long.MaxValue) => throw new NotImplementedException();
}

internal static class YearParser
{
    public static Parsed<int> Parse(string input, int currentYear, int minYear = 1900) => throw new NotImplementedException();
}

internal static class DateParser
{
    public static Parsed<DateOnly> Parse(string input) => throw new NotImplementedException();
}

internal static class KbliParser
{
    public static Parsed<KbliCode> Parse(string input) => throw new NotImplementedException();
}

internal static class NibParser
{
    public static Parsed<string> Parse(string input) => throw new NotImplementedException();
}

internal static class CoordinateParser
{
    public static Parsed<GeoPoint> Parse(string input) => throw new NotImplementedException();
    public static Parsed<GeoPoint> Check(double latitude, double longitude) => throw new NotImplementedException();
}

internal static class KbliSections
{
    public static string Name(char section) => throw new NotImplementedException();
    public static string ShortName(char section) => throw new NotImplementedException();
}
