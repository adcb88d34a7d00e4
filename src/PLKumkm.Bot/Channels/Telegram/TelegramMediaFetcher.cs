using PLKumkm.Bot.Media;
using PLKumkm.Bot.Messaging;
using Telegram.Bot;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>
/// A received photo or image document: <c>getFile</c> gives its path, then <c>/file/bot&lt;token&gt;/&lt;path&gt;</c> its
/// bytes. A file id only works for this bot's token, which is why the bytes are kept rather than the id.
/// </summary>
internal sealed class TelegramMediaFetcher(ITelegramBotClient bot) : IMediaFetcher
{
    public string Channel => TelegramUpdateTranslator.Channel;

    public async Task<StoredMedia> FetchAsync(PhotoInput photo, MediaStore store, CancellationToken ct)
    {
        var file = await bot.GetFile(photo.FileRef, ct);
        if (file.FileSize > store.MaxBytes)
        {
            throw new MediaRefusedException(new MediaProblem(MediaProblemKind.TooLarge, store.MaxBytes));
        }

        if (string.IsNullOrEmpty(file.FilePath))
        {
            // Telegram gives no path for files it will not serve to bots (above 20 MB).
            throw new MediaRefusedException(new MediaProblem(MediaProblemKind.TooLarge, Math.Min(store.MaxBytes, MediaOptions.TelegramDownloadLimit)));
        }

        return await store.SaveAsync((target, token) => bot.DownloadFile(file.FilePath, target, token), ct);
    }
}
