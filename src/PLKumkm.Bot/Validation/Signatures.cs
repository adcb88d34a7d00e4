// Signatures the rest of the code is written against; bodies are filled in by the validation work.
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Validation;

/// <summary>A checked NIK. <see cref="Masked"/> is what anyone but its owner sees.</summary>
internal sealed record NikInfo(string Digits, DateOnly BirthDate, bool IsFemale, string ProvinceCode, string RegencyCode)
{
    /// <summary>e.g. <c>1601********0001</c>.</summary>
    public string Masked => NikParser.Mask(Digits);
}

internal enum MoneyPeriod { Day, Month, Year }

/// <summary>A money amount in whole rupiah, with the period the person wrote (if any).</summary>
internal sealed record MoneyValue(long Rupiah, MoneyPeriod? Period, bool NeedsConfirmation);

/// <summary>KBLI 2020: a section letter A–U, and the 5-digit code when one was given.</summary>
internal sealed record KbliCode(char Section, string? Code)
{
    public override string ToString() => Code ?? Section.ToString();
}

internal sealed record GeoPoint(double Latitude, double Longitude);
