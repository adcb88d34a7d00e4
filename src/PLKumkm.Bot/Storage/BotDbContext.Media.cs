namespace PLKumkm.Bot.Storage;

internal partial class BotDbContext
{
    /// <summary>
    /// Stored photos (<c>sha256:…</c> references) that changes made through this context stopped referring to (an
    /// erased record, a deleted form). Files are shared by content, so the pipeline deletes one only after the commit,
    /// once nothing else refers to it (<see cref="Media.MediaCleanup"/>).
    /// </summary>
    public HashSet<string> ReleasedMedia { get; } = new(StringComparer.Ordinal);
}
