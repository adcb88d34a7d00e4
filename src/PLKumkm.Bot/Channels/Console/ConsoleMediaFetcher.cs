using PLKumkm.Bot.Media;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Channels.Console;

/// <summary><c>/foto PATH</c>: the file at PATH (on the server: console access is server access) is copied into the store.</summary>
internal sealed class ConsoleMediaFetcher : IMediaFetcher
{
    public string Channel => ConsoleSender.ChannelName;

    public Task<StoredMedia> FetchAsync(PhotoInput photo, MediaStore store, CancellationToken ct) =>
        store.SaveAsync(async (target, token) =>
        {
            await using var source = new FileStream(Path.GetFullPath(photo.FileRef), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            await source.CopyToAsync(target, token);
        }, ct);
}
