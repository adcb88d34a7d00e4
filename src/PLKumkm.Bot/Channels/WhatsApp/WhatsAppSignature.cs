using System.Security.Cryptography;
using System.Text;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// Meta signs every webhook body: <c>X-Hub-Signature-256: sha256=&lt;lowercase hex HMAC-SHA256(app secret, raw body)&gt;</c>.
/// Checked over the exact bytes received (Meta escapes non-ASCII in what it signs, so re-serialised JSON
/// would not match), before anything in the body is looked at.
/// </summary>
internal static class WhatsAppSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appSecret) =>
        TryParse(header, out var given) && Matches(body, given, appSecret);

    /// <summary>The HMAC a header claims, or false when it is not even shaped like one; checked before the body is
    /// read, so <c>sha256=zz</c> costs the bot nothing.</summary>
    public static bool TryParse(string? header, out byte[] given)
    {
        given = [];
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || header.Length != Prefix.Length + (HMACSHA256.HashSizeInBytes * 2))
        {
            return false;
        }

        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Constant-time comparison of the body's HMAC with the one the header gave.</summary>
    public static bool Matches(ReadOnlySpan<byte> body, byte[] given, string appSecret)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The header value for <paramref name="body"/> (what Meta sends; used by tests and tools).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
