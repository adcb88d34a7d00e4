namespace PLKumkm.Bot.Media;

/// <summary>Configuration section <c>Media</c>: where received photos are kept and how large one may be.</summary>
internal sealed class MediaOptions
{
    public const string SectionName = "Media";
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>Telegram lets a bot download at most 20 MB; more could never arrive there.</summary>
    public const long TelegramDownloadLimit = 20 * 1024 * 1024;

    /// <summary>The file store; default <c>media</c> beside the SQLite database (<c>data/media</c>).</summary>
    public string? Directory { get; set; }

    /// <summary>Largest photo accepted, in bytes (default 10 MB).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Files no record or open form refers to are deleted by the retention pass once this old (default 24 h):
    /// a photo downloaded for an update still being processed is younger than that.</summary>
    public int UnreferencedHours { get; set; } = 24;
}
