using System.Security.Cryptography;
using System.Text;

namespace PLKumkm.Bot.Webhooks;

/// <summary>Secret comparisons whose duration does not tell an attacker how much of a guess was right.</summary>
internal static class FixedTime
{
    public static bool Equals(string? given, string? expected)
    {
        if (given is null || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }
}
