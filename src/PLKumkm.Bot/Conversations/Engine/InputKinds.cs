using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>What to call a kind of message no question takes ("stiker", "pesan suara" …).</summary>
internal static class InputKinds
{
    public static string Name(string kind, string language) => (kind, language) switch
    {
        ("sticker", Languages.English) => "stickers",
        ("sticker", _) => "stiker",
        ("voice" or "audio", Languages.English) => "voice messages",
        ("voice" or "audio", _) => "pesan suara",
        ("video" or "video_note", Languages.English) => "videos",
        ("video" or "video_note", _) => "video",
        ("document", Languages.English) => "documents",
        ("document", _) => "dokumen",
        (_, Languages.English) => "that kind of message",
        _ => "jenis pesan itu",
    };
}
