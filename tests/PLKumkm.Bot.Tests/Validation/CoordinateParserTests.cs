using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Validation;

public sealed class CoordinateParserTests
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData("-4.1234, 104.1234")]
    [InlineData("-4.1234,104.1234")]
    [InlineData("-4.1234 104.1234")]
    [InlineData("-4.1234;104.1234")]
    [InlineData("-4.1234 / 104.1234")]
    [InlineData("-4,1234 104,1234")]
    [InlineData("-4,1234; 104,1234")]
    [InlineData("-4,1234, 104,1234")]
    [InlineData(" -4.1234 ,  104.1234 ")]
    [InlineData("(-4.1234, 104.1234)")]
    [InlineData("lat: -4.1234, lon: 104.1234")]
    [InlineData("Lat -4.1234 Lng 104.1234")]
    [InlineData("Koordinat: -4.1234, 104.1234")]
    [InlineData("lintang -4,1234 bujur 104,1234")]
    [InlineData("−4.1234, 104.1234")]
    [InlineData("-4.1234, +104.1234")]
    [InlineData("-4.1234,\n104.1234")]
    public void ReadsPlainCoordinates(string input)
    {
        var parsed = CoordinateParser.Parse(input);
        var point = Expect.Ok(parsed);
        Assert.Equal(-4.1234, point.Latitude, Tolerance);
        Assert.Equal(104.1234, point.Longitude, Tolerance);
        Assert.Null(parsed.Warning);
    }

    [Theory]
    [InlineData("https://maps.google.com/?q=-4.1293,104.1668")]
    [InlineData("https://maps.google.com/maps?q=-4.1293%2C104.1668")]
    [InlineData("https://www.google.com/maps/search/?api=1&query=-4.1293,104.1668")]
    [InlineData("https://www.google.com/maps/@-4.1293,104.1668,15z")]
    [InlineData("https://www.google.com/maps/place/Baturaja/@-4.1000,104.1000,14z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d-4.1293!4d104.1668")]
    [InlineData("Lokasi saya: https://maps.google.com/?q=-4.1293,104.1668 ya")]
    [InlineData("geo:-4.1293,104.1668")]
    [InlineData("https://www.google.com/maps/dir/?api=1&destination=-4.1293,104.1668")]
    public void ReadsMapLinks(string input)
    {
        var point = Expect.Ok(CoordinateParser.Parse(input));
        Assert.Equal(-4.1293, point.Latitude, Tolerance);
        Assert.Equal(104.1668, point.Longitude, Tolerance);
    }

    [Fact]
    public void ShortGoogleMapsQueryIsReadAndWarnedAsRough()
    {
        var parsed = CoordinateParser.Parse("https://maps.google.com/?q=-4.12,104.16");
        var point = Expect.Ok(parsed);
        Assert.Equal(-4.12, point.Latitude, Tolerance);
        Assert.Equal(104.16, point.Longitude, Tolerance);
        Assert.NotNull(parsed.Warning);
        Assert.Contains("kurang teliti", parsed.Warning!.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-4, 104")]
    [InlineData("-4.1, 104.1")]
    [InlineData("-4.123, 104.1234")]
    public void RoughCoordinatesAreAcceptedWithAWarning(string input)
    {
        var parsed = CoordinateParser.Parse(input);
        Expect.Ok(parsed);
        Assert.NotNull(parsed.Warning);
        Assert.Contains("rough", parsed.Warning!.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4°07'45.6\"S 104°10'00.5\"E", -4.129333, 104.166806)]
    [InlineData("4°07'45.6\" S, 104°10'00.5\" E", -4.129333, 104.166806)]
    [InlineData("4.1293° LS 104.1668° BT", -4.1293, 104.1668)]
    [InlineData("4,1293 LS, 104,1668 BT", -4.1293, 104.1668)]
    [InlineData("3.5952 N 98.6722 E", 3.5952, 98.6722)]
    [InlineData("3.5952 LU 98.6722 BT", 3.5952, 98.6722)]
    public void ReadsDegreesWithHemispheres(string input, double latitude, double longitude)
    {
        var point = Expect.Ok(CoordinateParser.Parse(input));
        Assert.Equal(latitude, point.Latitude, 1e-5);
        Assert.Equal(longitude, point.Longitude, 1e-5);
    }

    [Fact]
    public void SwappedOrderIsFixedWithAWarning()
    {
        var parsed = CoordinateParser.Parse("104.1234, -4.1234");
        var point = Expect.Ok(parsed);
        Assert.Equal(-4.1234, point.Latitude, Tolerance);
        Assert.Equal(104.1234, point.Longitude, Tolerance);
        Assert.Contains("terbalik", parsed.Warning!.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("51.5074, -0.1278")]
    [InlineData("-33.8688, 151.2093")]
    [InlineData("14.5995, 120.9842")]
    [InlineData("0, 0")]
    [InlineData("-4.1234, 94.6")]
    [InlineData("6.3, 120.0")]
    [InlineData("https://maps.google.com/?q=48.8584,2.2945")]
    public void OutsideIndonesiaIsRefused(string input)
    {
        var error = Expect.Error(CoordinateParser.Parse(input));
        Assert.Contains("lokasi di luar Indonesia", error.Id, StringComparison.Ordinal);
        Assert.Contains("outside Indonesia", error.En, StringComparison.Ordinal);
        Assert.Contains("-4.1234, 104.1234", error.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91, 100")]
    [InlineData("-4.1234, 181")]
    [InlineData("-4.1234, 999.5")]
    public void ImpossibleCoordinatesAreRefused(string input) =>
        Expect.Error(CoordinateParser.Parse(input));

    [Theory]
    [InlineData("https://maps.app.goo.gl/AbCdEf123")]
    [InlineData("https://goo.gl/maps/xyz")]
    [InlineData("https://www.google.com/maps/place/Baturaja")]
    public void LinksWithoutCoordinatesExplainWhatToDo(string input)
    {
        var error = Expect.Error(CoordinateParser.Parse(input));
        Assert.Contains("Bagikan lokasi", error.Id, StringComparison.Ordinal);
        Assert.Contains("Share location", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-4.1234")]
    [InlineData("-4.1234, 104.1234, 15")]
    [InlineData("-4,1234,104,1234")]
    [InlineData("Baturaja")]
    [InlineData("jalan merdeka no 5")]
    [InlineData("4°07'45.6\"S")]
    public void UnreadableCoordinates(string input) => Expect.Error(CoordinateParser.Parse(input));

    [Theory]
    [MemberData(nameof(Junk.All), MemberType = typeof(Junk))]
    public void RejectsJunk(string input) => Expect.Error(CoordinateParser.Parse(input));

    [Theory]
    [InlineData(-4.1234, 104.1234)]
    [InlineData(-6.2, 106.8)]
    [InlineData(5.8899, 95.3167)]
    [InlineData(-8.4991, 140.4050)]
    [InlineData(6.2, 141.1)]
    [InlineData(-11.1, 94.7)]
    public void CheckAcceptsPointsInIndonesia(double latitude, double longitude)
    {
        var point = Expect.Ok(CoordinateParser.Check(latitude, longitude));
        Assert.Equal(latitude, point.Latitude);
        Assert.Equal(longitude, point.Longitude);
    }

    [Theory]
    [InlineData(6.21, 100)]
    [InlineData(-11.11, 120)]
    [InlineData(0, 94.69)]
    [InlineData(0, 141.11)]
    [InlineData(double.NaN, 104)]
    [InlineData(-4, double.PositiveInfinity)]
    [InlineData(-95, 104)]
    public void CheckRefusesEverythingElse(double latitude, double longitude) =>
        Expect.Error(CoordinateParser.Check(latitude, longitude));
}
