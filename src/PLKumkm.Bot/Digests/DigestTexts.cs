using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Digests;

internal static class DigestTexts
{
    public static readonly UserText StaffOnly = new(
        "Ringkasan harian hanya untuk koordinator, pejabat pemantau dan admin yang terdaftar. Siapa pun bisa menanyakan capaian kapan saja, mis. \"progress OKU\".",
        "The daily digest is only for registered coordinators, officials and admins. Anyone can ask for progress at any time, e.g. \"progress OKU\".");

    public static readonly UserText Stopped = new(
        "Baik, ringkasan harian dan pengingat dihentikan. Untuk berlangganan lagi, ketik /langganan.",
        "OK, the daily digest and reminders are stopped. To subscribe again, type /langganan.");

    public static readonly UserText RemindersStopped = new(
        "Baik, saya tidak akan mengirim pengingat lagi. Apa yang sudah Anda isi tetap tersimpan; ketik /start kapan saja untuk melanjutkan.",
        "OK, I will not send you reminders any more. What you have filled in is kept; type /start at any time to continue.");

    public static readonly UserText NothingToStop = new(
        "Pengingat sudah dihentikan dan Anda tidak berlangganan ringkasan harian, jadi tidak ada yang perlu dihentikan.",
        "Reminders are already stopped and you are not subscribed to the daily digest, so there is nothing to stop.");

    public static UserText BadTime(string typed) => new(
        $"\"{typed}\" bukan jam yang bisa saya baca. Contoh: /langganan 07.00 atau /langganan 18.30.",
        $"\"{typed}\" is not a time I can read. For example: /langganan 07.00 or /langganan 18.30.");

    public static UserText Subscribed(string region, string time, string zone, bool firstTomorrow) => new(
        $"✅ Anda berlangganan ringkasan harian {region}, setiap hari pukul {time} {zone}: capaian kemarin, total, peringkat, perkiraan dan laju yang dibutuhkan. Yang pertama {(firstTomorrow ? "besok" : "hari ini")} pukul {time}. Ubah jam: /langganan 18.00. Berhenti: /berhenti.",
        $"✅ You are subscribed to the daily digest of {region}, every day at {time} {zone}: yesterday's count, the total, rank, forecast and the pace needed. The first one {(firstTomorrow ? "tomorrow" : "today")} at {time}. Change the time: /langganan 18.00. Stop: /berhenti.");
}
