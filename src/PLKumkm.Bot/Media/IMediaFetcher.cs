using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Media;

/// <summary>
/// Downloads a picture a channel announced (by its <see cref="PhotoInput.FileRef"/>) into the store. One per channel;
/// a failure to download throws (anything but <see cref="MediaRefusedException"/> counts as "not received").
/// </summary>
internal interface IMediaFetcher
{
    string Channel { get; }

    Task<StoredMedia> FetchAsync(PhotoInput photo, MediaStore store, CancellationToken ct);
}
