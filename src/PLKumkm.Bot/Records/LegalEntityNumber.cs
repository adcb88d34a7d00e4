using System.Text;

namespace PLKumkm.Bot.Records;

/// <summary>
/// A cooperative's legal entity number (<c>AHU-0001234.AH.01.26.TAHUN 2020</c>, <c>518/BH/XIII/2005</c>)
/// as a matching key: only letters and digits, upper case, so spacing, dots, dashes and slashes written
/// differently still find the same cooperative. Null when nothing is left.
/// </summary>
internal static class LegalEntityNumber
{
    public static string? Normalize(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var sb = new StringBuilder(number.Length);
        foreach (var ch in number)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                sb.Append(char.ToUpperInvariant(ch));
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }
}
