using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Digests;

internal static class DigestTexts
{
    public static readonly UserText StaffOnly = new(
        "Ringkasan harian hanya untuk koordinator, pejabat pemantau dan admin yang terdaftar. Siapa pun bisa menanyakan capaian kapan saja, mis. \"progress OKU\".",
        "The daily digest is only for registered coordinators, officials and admins. Anyone can ask for progress at any time, e.g. \"progress OKU\".");

    // What /berhenti stops is everything the bot starts on its own; replies to the person's own messages still come.
    public static readonly UserText Stopped = new(
        "Baik, ringkasan harian, pengingat dan siaran/pengumuman dihentikan; balasan atas pesan Anda tetap saya kirim. Untuk menyalakannya lagi, ketik /langganan.",
        "OK, the daily digest, reminders and broadcasts/announcements are stopped; I still answer your messages. To turn them back on, type /langganan.");

    public static readonly UserText RemindersStopped = new(
        "Baik, saya tidak akan mengirim pengingat maupun siaran/pengumuman lagi; balasan atas pesan Anda tetap saya kirim. Apa yang sudah Anda isi tetap tersimpan; ketik /start kapan saja untuk melanjutkan. Untuk menerima pengingat dan siaran lagi, ketik /langganan.",
        "OK, I will not send you reminders or broadcasts/announcements any more; I still answer your messages. What you have filled in is kept; type /start at any time to continue. To get reminders and broadcasts again, type /langganan.");

    public static readonly UserText NothingToStop = new(
        "Pengingat dan siaran/pengumuman sudah dihentikan dan Anda tidak berlangganan ringkasan harian, jadi tidak ada yang perlu dihentikan. Untuk menyalakannya lagi, ketik /langganan.",
        "Reminders and broadcasts/announcements are already stopped and you are not subscribed to the daily digest, so there is nothing to stop. To turn them back on, type /langganan.");

    // The way back for those without a digest: /langganan clears the stop only, it subscribes nobody to a digest.
    public static readonly UserText Resumed = new(
        "✅ Baik, pengingat dan siaran/pengumuman akan saya kirim lagi. Berhenti lagi: /berhenti.",
        "✅ OK, you will get reminders and broadcasts/announcements again. Stop again: /berhenti.");

    public static UserText BadTime(string typed) => new(
        $"\"{typed}\" bukan jam yang bisa saya baca. Contoh: /langganan 07.00 atau /langganan 18.30.",
        $"\"{typed}\" is not a time I can read. For example: /langganan 07.00 or /langganan 18.30.");

    public static UserText Subscribed(string region, string time, string zone, bool firstTomorrow) => new(
        $"✅ Anda berlangganan ringkasan harian {region}, setiap hari pukul {time} {zone}: capaian kemarin, total, peringkat, perkiraan dan laju yang dibutuhkan. Yang pertama {(firstTomorrow ? "besok" : "hari ini")} pukul {time}. Ubah jam: /langganan 18.00. Berhenti: /berhenti.",
        $"✅ You are subscribed to the daily digest of {region}, every day at {time} {zone}: yesterday's count, the total, rank, forecast and the pace needed. The first one {(firstTomorrow ? "tomorrow" : "today")} at {time}. Change the time: /langganan 18.00. Stop: /berhenti.");
}
