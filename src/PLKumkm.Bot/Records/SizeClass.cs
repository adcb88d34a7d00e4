namespace PLKumkm.Bot.Records;

/// <summary>Business size class under PP 7/2021 (Article 35).</summary>
internal static class SizeClass
{
    public const string Mikro = "mikro";
    public const string Kecil = "kecil";
    public const string Menengah = "menengah";
    public const string Besar = "besar";

    private const long Miliar = 1_000_000_000;

    /// <summary>
    /// Businesses founded from 2021 on are classed by capital excluding land and buildings; older ones
    /// by annual sales. When the deciding figure is missing the other one is used; null when neither is known.
    /// </summary>
    public static string? Classify(long? annualSales, long? capital, int? yearStarted)
    {
        var newBusiness = yearStarted >= 2021;
        if (newBusiness && capital is not null)
        {
            return ByCapital(capital.Value);
        }

        if (annualSales is not null)
        {
            return BySales(annualSales.Value);
        }

        return capital is null ? null : ByCapital(capital.Value);
    }

    public static string BySales(long rupiah) => rupiah switch
    {
        <= 2 * Miliar => Mikro,
        <= 15 * Miliar => Kecil,
        <= 50 * Miliar => Menengah,
        _ => Besar,
    };

    public static string ByCapital(long rupiah) => rupiah switch
    {
        <= 1 * Miliar => Mikro,
        <= 5 * Miliar => Kecil,
        <= 10 * Miliar => Menengah,
        _ => Besar,
    };
}
