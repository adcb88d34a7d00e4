using System.Security.Cryptography;
using System.Text;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>Picture bytes the fakes serve: a file id the test did not register gets a small JPEG of its own.</summary>
public static class FakeMedia
{
    /// <summary>A minimal byte string a JPEG reader recognises by its start (SOI + APP0) and end (EOI), unique per seed.</summary>
    public static byte[] Jpeg(string seed) => [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.UTF8.GetBytes("fake jpeg " + seed), 0xFF, 0xD9];

    public static byte[] Png(string seed) => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.UTF8.GetBytes(seed)];

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The reference the bot stores for these bytes as a JPEG.</summary>
    public static string JpegReference(byte[] bytes) => $"sha256:{Sha256Hex(bytes)}.jpg";
}

/// <summary>A received file a fake serves for download.</summary>
public sealed record FakeFile(byte[] Content, string MimeType);
