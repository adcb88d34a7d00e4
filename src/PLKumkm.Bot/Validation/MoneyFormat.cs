using System.Globalization;
using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Validation;

/// <summary>Rupiah the way Indonesians read it, whatever the server's culture is.</summary>
internal static class MoneyFormat
{
    /// <summary><c>Rp2.500.000</c>; <c>-Rp5.000.000</c> for a loss.</summary>
    public static string Rupiah(long value) =>
        value < 0 ? "-Rp" + Grouped(value)[1..] : "Rp" + Grouped(value);

    /// <summary><c>Rp15.000.000 per bulan</c> / <c>Rp15.000.000 per month</c>, for echoing an answer back.</summary>
    public static UserText Rupiah(MoneyValue value)
    {
        var amount = Rupiah(value.Rupiah);
        return value.Period switch
        {
            MoneyPeriod.Day => new UserText(amount + " per hari", amount + " per day"),
            MoneyPeriod.Month => new UserText(amount + " per bulan", amount + " per month"),
            MoneyPeriod.Year => new UserText(amount + " per tahun", amount + " per year"),
            _ => UserText.Same(amount),
        };
    }

    /// <summary>Indonesian digit grouping without currency: <c>2.500.000</c>, <c>-42.000</c>.</summary>
    public static string Grouped(long value) =>
        // Invariant culture groups with commas; swapping is explicit and independent of the host.
        value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
}
