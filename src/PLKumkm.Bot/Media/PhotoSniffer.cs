namespace PLKumkm.Bot.Media;

/// <summary>The photo types the store keeps, told apart by their magic bytes.</summary>
internal static class PhotoSniffer
{
    /// <summary>"jpg", "png" or "webp"; null for anything else (GIF, HEIC, a PDF, a script renamed .jpg…).</summary>
    public static string? Extension(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "jpg";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "png";
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "webp";
        }

        return null;
    }
}
