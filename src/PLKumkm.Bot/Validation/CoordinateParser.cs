using System.Globalization;
using System.Text.RegularExpressions;
using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Validation;

/// <summary>
/// A point on the map: <c>-4.1234, 104.1234</c>, Indonesian decimal commas <c>-4,1234 104,1234</c>,
/// degrees with hemispheres (<c>4°07'24"S 104°09'36"E</c>, <c>LS</c>/<c>BT</c>), or a Google Maps link.
/// </summary>
internal static partial class CoordinateParser
{
    public const string Example = "-4.1234, 104.1234";

    // Indonesia's bounding box, from Sabang to Merauke and Rote to Miangas, with a little sea.
    public const double MinLatitude = -11.1;
    public const double MaxLatitude = 6.2;
    public const double MinLongitude = 94.7;
    public const double MaxLongitude = 141.1;

    /// <summary>Fewer decimals than this is a few hundred metres or worse: accepted, with a warning.</summary>
    public const int PreciseDecimals = 4;

    public static Parsed<GeoPoint> Parse(string input)
    {
        var text = InputText.Clean(input).ToLowerInvariant();
        if (text.Length == 0)
        {
            return Fail("Lokasinya belum diisi. Kirim lokasi dengan tombol 'Bagikan lokasi', atau tulis koordinatnya.",
                "The location is missing. Send it with the 'Share location' button, or write the coordinates.");
        }

        if (text.Length > 2000)
        {
            return Fail("Jawabannya terlalu panjang. Tulis koordinatnya saja.", "That answer is too long. Write just the coordinates.");
        }

        if (Link().IsMatch(text))
        {
            return FromLink(text);
        }

        if (text.Length > InputText.MaxLength)
        {
            return Fail("Jawabannya terlalu panjang. Tulis koordinatnya saja.", "That answer is too long. Write just the coordinates.");
        }

        text = Labels().Replace(text, " ").Trim();
        var m = DotPair().Match(text);
        if (!m.Success)
        {
            m = CommaPair().Match(text);
        }

        if (m.Success)
        {
            var a = m.Groups["a"].Value.Replace(',', '.');
            var b = m.Groups["b"].Value.Replace(',', '.');
            return Build(Number(a), Number(b), Math.Min(Decimals(a), Decimals(b)));
        }

        return FromDegrees(text);
    }

    /// <summary>Whether a point lies in Indonesia; the error says so and shows a correct example.</summary>
    public static Parsed<GeoPoint> Check(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude) || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
        {
            return Fail("Itu bukan koordinat yang benar: lintang -90 sampai 90, bujur -180 sampai 180.",
                "Those are not valid coordinates: latitude runs from -90 to 90, longitude from -180 to 180.");
        }

        if (latitude is < MinLatitude or > MaxLatitude || longitude is < MinLongitude or > MaxLongitude)
        {
            var point = $"{Show(latitude)}, {Show(longitude)}";
            return Fail($"Titik {point} adalah lokasi di luar Indonesia. Periksa lagi, atau kirim lokasi dengan tombol 'Bagikan lokasi'.",
                $"The point {point} is a location outside Indonesia. Please check it, or send the location with the 'Share location' button.");
        }

        return Parsed<GeoPoint>.Success(new GeoPoint(latitude, longitude));
    }

    private static Parsed<GeoPoint> Build(double latitude, double longitude, int decimals)
    {
        var result = Check(latitude, longitude);
        UserText? warning = null;
        if (!result.Ok && Check(longitude, latitude) is { Ok: true } swapped)
        {
            // Indonesia's latitudes and longitudes never overlap, so a swapped pair is unmistakable.
            result = swapped;
            warning = new UserText("Urutannya terbalik, sudah saya tukar: lintang dulu, lalu bujur.",
                "The order was reversed, so I swapped it: latitude first, then longitude.");
        }

        if (result.Ok && decimals < PreciseDecimals)
        {
            var rough = new UserText(
                $"Koordinat ini kurang teliti (kurang dari {PreciseDecimals} angka di belakang titik). Kalau bisa, kirim lokasi dengan tombol 'Bagikan lokasi'.",
                $"These coordinates are rough (fewer than {PreciseDecimals} decimals). If you can, send the location with the 'Share location' button.");
            warning = warning is null ? rough : warning.Append(rough);
        }

        return result.Ok && warning is not null ? Parsed<GeoPoint>.Success(result.Value!, warning) : result;
    }

    private static Parsed<GeoPoint> FromLink(string text)
    {
        // The place marker (!3d…!4d…) is the business; "@lat,lon" is only where the map was centred.
        foreach (var pattern in (ReadOnlySpan<Regex>)[PlaceInLink(), QueryInLink(), CentreInLink(), GeoUri()])
        {
            var m = pattern.Match(text);
            if (m.Success)
            {
                var a = m.Groups["a"].Value;
                var b = m.Groups["b"].Value;
                return Build(Number(a), Number(b), Math.Min(Decimals(a), Decimals(b)));
            }
        }

        return Fail("Tautan ini tidak memuat koordinat (tautan pendek seperti maps.app.goo.gl belum bisa saya buka). Kirim lokasi dengan tombol 'Bagikan lokasi', atau salin koordinatnya dari Google Maps.",
            "That link has no coordinates in it (short links such as maps.app.goo.gl can't be opened here). Send the location with the 'Share location' button, or copy the coordinates from Google Maps.");
    }

    private static Parsed<GeoPoint> FromDegrees(string text)
    {
        double? latitude = null, longitude = null;
        var precise = true;
        foreach (Match m in Degrees().Matches(text))
        {
            var value = Number(m.Groups["deg"].Value.Replace(',', '.'));
            if (m.Groups["min"].Success)
            {
                value += Number(m.Groups["min"].Value.Replace(',', '.')) / 60;
            }

            if (m.Groups["sec"].Success)
            {
                value += Number(m.Groups["sec"].Value.Replace(',', '.')) / 3600;
            }
            else
            {
                precise &= m.Groups["min"].Success ? false : Decimals(m.Groups["deg"].Value.Replace(',', '.')) >= PreciseDecimals;
            }

            switch (m.Groups["hem"].Value)
            {
                case "n" or "u" or "lu":
                    latitude = value;
                    break;
                case "s" or "ls":
                    latitude = -value;
                    break;
                case "e" or "t" or "bt":
                    longitude = value;
                    break;
                case "w" or "b" or "bb":
                    longitude = -value;
                    break;
            }
        }

        if (latitude is { } lat && longitude is { } lon)
        {
            return Build(lat, lon, precise ? PreciseDecimals : 0);
        }

        return Fail("Maaf, koordinatnya belum bisa saya baca. Tulis lintang lalu bujur, dipisah koma.",
            "Sorry, I couldn't read those coordinates. Write latitude then longitude, separated by a comma.");
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Decimals(string number)
    {
        var dot = number.IndexOf('.');
        return dot < 0 ? 0 : number.Length - dot - 1;
    }

    private static string Show(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static Parsed<GeoPoint> Fail(string indonesian, string english) =>
        Parsed<GeoPoint>.Fail($"{indonesian} Contoh: {Example}.", $"{english} Example: {Example}.");

    [GeneratedRegex(@"https?://|www\.|goo\.gl|maps\.|geo:", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"!3d(?<a>-?\d{1,3}\.\d+)!4d(?<b>-?\d{1,3}\.\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceInLink();

    [GeneratedRegex(@"[?&](?:q|query|ll|sll|center|destination|daddr|saddr)=(?:loc:)?(?<a>[-+]?\d{1,3}\.\d+)\s*(?:,|%2c)\s*(?:\+|%20)*(?<b>[-+]?\d{1,3}\.\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex QueryInLink();

    [GeneratedRegex(@"@(?<a>-?\d{1,3}\.\d+),(?<b>-?\d{1,3}\.\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex CentreInLink();

    [GeneratedRegex(@"geo:(?<a>-?\d{1,3}\.\d+),(?<b>-?\d{1,3}\.\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex GeoUri();

    [GeneratedRegex(@"\b(?:koordinat|coordinates?|lokasi|location|titik|latitude|longitude|lintang|bujur|lat|lon|lng|long)\b\s*[:=]?|[()\[\]]", RegexOptions.CultureInvariant)]
    private static partial Regex Labels();

    [GeneratedRegex(@"^(?<a>[-+]?\d{1,3}(?:\.\d+)?)\s*(?:[,;/]\s*|\s+)(?<b>[-+]?\d{1,3}(?:\.\d+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex DotPair();

    [GeneratedRegex(@"^(?<a>[-+]?\d{1,3}(?:,\d+)?)\s*(?:[;/]\s*|,\s+|\s+)(?<b>[-+]?\d{1,3}(?:,\d+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex CommaPair();

    [GeneratedRegex(@"(?<deg>\d{1,3}(?:[.,]\d+)?)\s*°?\s*(?:(?<min>\d{1,2}(?:[.,]\d+)?)\s*(?:'|′)\s*)?(?:(?<sec>\d{1,2}(?:[.,]\d+)?)\s*(?:""|''|′′|″)\s*)?(?<hem>lu|ls|bt|bb|n|s|e|w|u|t|b)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex Degrees();
}
