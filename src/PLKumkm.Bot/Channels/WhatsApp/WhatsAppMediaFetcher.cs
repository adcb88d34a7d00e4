using PLKumkm.Bot.Media;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// A received image: its media id is looked up (<c>GET /{media-id}</c>), then its URL downloaded with the same token,
/// both with the sends' retry policy. A declared size above the limit is refused before anything is downloaded.
/// </summary>
internal sealed class WhatsAppMediaFetcher(WhatsAppGraphClient graph, WhatsAppRetryPolicy retry, ILogger<WhatsAppMediaFetcher> logger) : IMediaFetcher
{
    public string Channel => WhatsAppWebhookTranslator.Channel;

    public async Task<StoredMedia> FetchAsync(PhotoInput photo, MediaStore store, CancellationToken ct)
    {
        var info = await retry.ExecuteAsync(c => graph.GetMediaInfoAsync(photo.FileRef, c), "media lookup", logger, ct);
        if (info.FileSize > store.MaxBytes)
        {
            throw new MediaRefusedException(new MediaProblem(MediaProblemKind.TooLarge, store.MaxBytes));
        }

        return await retry.ExecuteAsync(c => store.SaveAsync((target, token) => graph.DownloadMediaAsync(info.Url, target, token), c),
            "media download", logger, ct);
    }
}
