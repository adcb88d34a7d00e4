namespace PLKumkm.Bot.Storage.Protection;

/// <summary>
/// <c>DataProtection</c>: the key that encrypts NIKs and phone numbers at rest. <see cref="Key"/> (base64 of 32 bytes)
/// or <see cref="KeyFile"/>; with neither, a key file beside the SQLite database (<c>data/plkumkm.key</c> for
/// <c>data/plkumkm.db</c>), created on first run with mode 0600.
/// </summary>
internal sealed class DataProtectionOptions
{
    public const string Section = "DataProtection";

    public string? Key { get; set; }

    public string? KeyFile { get; set; }

    /// <summary>Why these settings cannot work, or null.</summary>
    public string? Problem()
    {
        if (!string.IsNullOrWhiteSpace(Key) && !string.IsNullOrWhiteSpace(KeyFile))
        {
            return $"{Section}:Key and {Section}:KeyFile are both set; set one";
        }

        return string.IsNullOrWhiteSpace(Key) ? null : KeyFiles.ParseProblem(Key, $"{Section}:Key");
    }
}
