using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Media;

/// <summary>
/// Fetches the pictures of a batch into the store before the batch is applied, outside the write gate (a download
/// takes long next to a write), so handlers and the engine see only a stored file's reference or the reason there is
/// none. A failed download is one Warning line (channel and failure kind: never the URL, token or sender).
/// </summary>
internal sealed partial class MediaReceiver(MediaStore store, IEnumerable<IMediaFetcher> fetchers, ILogger<MediaReceiver> logger)
{
    private readonly Dictionary<string, IMediaFetcher> _fetchers = fetchers.ToDictionary(f => f.Channel, StringComparer.Ordinal);

    /// <summary>A picture not yet fetched, sent in a private chat: nothing sent in a group is stored.</summary>
    public static bool NeedsFetch(InboundMessage message) => !message.IsGroup && message.Content is PhotoInput { IsStored: false, Problem: null };

    /// <summary>The message with its picture stored (or its problem said); any other message as it is.</summary>
    public async Task<InboundMessage> ReceiveAsync(InboundMessage message, CancellationToken ct)
    {
        if (!NeedsFetch(message) || message.Content is not PhotoInput photo)
        {
            return message;
        }

        if (!_fetchers.TryGetValue(message.Channel, out var fetcher))
        {
            LogNoFetcher(message.Channel);
            return message with { Content = photo with { Problem = new MediaProblem(MediaProblemKind.NotReceived) } };
        }

        try
        {
            var stored = await fetcher.FetchAsync(photo, store, ct);
            return message with { Content = photo with { FileRef = stored.Reference.ToString(), IsStored = true } };
        }
        catch (MediaRefusedException refused)
        {
            LogRefused(message.Channel, refused.Problem.Kind);
            return message with { Content = photo with { Problem = refused.Problem } };
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogNotReceived(message.Channel, Describe(e));
            return message with { Content = photo with { Problem = new MediaProblem(MediaProblemKind.NotReceived) } };
        }
    }

    /// <summary>Type and status only: exception messages of HTTP clients can carry the URL, and Telegram's the token.</summary>
    private static string Describe(Exception e) => e switch
    {
        Channels.WhatsApp.WhatsAppApiException api => Channels.WhatsApp.WhatsAppRetryPolicy.Describe(api),
        global::Telegram.Bot.Exceptions.ApiRequestException api => FormattableString.Invariant($"Bot API error {api.ErrorCode}"),
        HttpRequestException { StatusCode: { } status } => FormattableString.Invariant($"HTTP {(int)status}"),
        _ => e.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not receive a {Channel} photo ({Failure}); the person is asked to send it again")]
    private partial void LogNotReceived(string channel, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a {Channel} photo: {Problem}")]
    private partial void LogRefused(string channel, MediaProblemKind problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Channel} photo arrived, but that channel cannot download files")]
    private partial void LogNoFetcher(string channel);
}
