using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Broadcasts;

internal static class BroadcastTexts
{
    public static readonly UserText Usage = new(
        "Cara mengirim siaran: /siaran pencacah|koordinator|pemilik|pemilik-belum-selesai <pesan>, mis. /siaran pencacah Rapat evaluasi besok pukul 09.00. Saya tunjukkan dulu berapa orang yang menerimanya.",
        "How to broadcast: /siaran pencacah|koordinator|pemilik|pemilik-belum-selesai <message>, e.g. /siaran pencacah Evaluation meeting tomorrow at 09:00. I show how many people it reaches first.");

    public static readonly UserText NotYours = new("Siaran itu tidak ada, atau bukan Anda yang membuatnya.", "That broadcast does not exist, or you did not create it.");

    public static readonly UserText AlreadySent = new("Siaran yang sama sudah dikirim (atau sedang dikirim).", "The same broadcast has already been sent (or is being sent).");

    public static readonly UserText Cancelled = new("Baik, siaran dibatalkan; tidak ada yang dikirim.", "OK, the broadcast is cancelled; nothing was sent.");

    public static readonly UserText Scheduled = new(
        "✅ Siaran dijadwalkan: dikirim bertahap dalam beberapa menit, sesuai batas kiriman tiap kanal. Saya kabari jika sudah selesai.",
        "✅ Broadcast scheduled: it goes out gradually over the next minutes, within each channel's limits. I will tell you when it is done.");

    public static UserText TooLong(int length) => new(
        $"Pesannya {length} karakter; paling banyak {BroadcastChatHandler.MaxTextLength}. Mohon dipersingkat.",
        $"The message is {length} characters; at most {BroadcastChatHandler.MaxTextLength}. Please shorten it.");

    public static UserText AudienceName(string audience) => audience switch
    {
        "enumerators" => new("pencacah", "enumerators"),
        "coordinators" => new("koordinator", "coordinators"),
        "owners" => new("pemilik usaha", "business owners"),
        _ => new("pemilik usaha yang pendaftarannya belum selesai", "business owners with an unfinished registration"),
    };

    public static UserText Nobody(UserText audience, string region, int stopped) => new(
        $"Belum ada {audience.Id} di {region} yang bisa menerima siaran." + StoppedId(stopped),
        $"There are no {audience.En} in {region} to receive a broadcast yet." + StoppedEn(stopped));

    public static UserText Confirm(int count, UserText audience, string region, string text, int stopped) => new(
        $"📣 Siaran ke {count} {audience.Id} di {region}:\n\n{text}\n\n" + StoppedId(stopped).TrimStart() + (stopped > 0 ? "\n" : "") + "Kirim sekarang?",
        $"📣 Broadcast to {count} {audience.En} in {region}:\n\n{text}\n\n" + StoppedEn(stopped).TrimStart() + (stopped > 0 ? "\n" : "") + "Send it now?");

    public static UserText Done(int stored, int withoutChat, int stopped) => new(
        $"📣 Siaran Anda sudah dikirim ke {stored} orang" + (withoutChat > 0 ? $"; {withoutChat} orang belum bisa dihubungi lewat chat." : ".") + StoppedId(stopped),
        $"📣 Your broadcast went out to {stored} people" + (withoutChat > 0 ? $"; {withoutChat} cannot be reached by chat yet." : ".") + StoppedEn(stopped));

    // Said only when someone was left out: the author should know why the count is lower than the audience.
    private static string StoppedId(int stopped) => stopped > 0 ? $" {stopped} orang tidak menerimanya karena meminta berhenti (/berhenti)." : "";

    private static string StoppedEn(int stopped) => stopped > 0 ? $" {stopped} left out because they asked to stop (/berhenti)." : "";
}
