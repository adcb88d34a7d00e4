using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Messaging.Commands;

/// <summary>The help texts and menu as they were written by hand before the command table: it must say the same.</summary>
internal static class CommandHelpTexts
{
    public static readonly UserText Owner = new(
        """
        Halo! Saya bot PL-KUMKM (Pendataan Lengkap Koperasi dan UMKM).
        • /start — daftarkan usaha (UMKM) atau koperasi Anda (sekitar 5 menit)
        • /status — lihat data Anda; /ubah — perbaiki; "hapus data saya" — tarik persetujuan
        • progress <wilayah> — capaian pendataan, mis. "progress OKU"
        • /bahasa en — English
        • /berhenti — hentikan pengingat dan siaran; /langganan — terima lagi
        • /bantuan — bantuan
        Di tengah pengisian: /kembali, /lewati, /batal.
        """,
        """
        Hello! I am the PL-KUMKM bot (complete census of cooperatives and MSMEs).
        • /start — register your business (MSME) or cooperative (about 5 minutes)
        • /status — see your records; /ubah — correct them; "hapus data saya" — withdraw consent
        • progress <region> — census progress, e.g. "progress OKU"
        • /bahasa id — Bahasa Indonesia
        • /berhenti — stop reminders and broadcasts; /langganan — get them again
        • /bantuan — help
        While answering: /kembali (back), /lewati (skip), /batal (cancel).
        """);

    /// <summary>Below the coordinator's, official's and admin's lines, which name /langganan and /berhenti already.</summary>
    public static readonly UserText OwnerBelowDigestLine = new(
        """
        Halo! Saya bot PL-KUMKM (Pendataan Lengkap Koperasi dan UMKM).
        • /start — daftarkan usaha (UMKM) atau koperasi Anda (sekitar 5 menit)
        • /status — lihat data Anda; /ubah — perbaiki; "hapus data saya" — tarik persetujuan
        • progress <wilayah> — capaian pendataan, mis. "progress OKU"
        • /bahasa en — English
        • /bantuan — bantuan
        Di tengah pengisian: /kembali, /lewati, /batal.
        """,
        """
        Hello! I am the PL-KUMKM bot (complete census of cooperatives and MSMEs).
        • /start — register your business (MSME) or cooperative (about 5 minutes)
        • /status — see your records; /ubah — correct them; "hapus data saya" — withdraw consent
        • progress <region> — census progress, e.g. "progress OKU"
        • /bahasa id — Bahasa Indonesia
        • /bantuan — help
        While answering: /kembali (back), /lewati (skip), /batal (cancel).
        """);

    public static readonly Dictionary<PersonRole, UserText> Staff = new()
    {
        [PersonRole.Enumerator] = new(
            "Sebagai pencacah: #umkm / #koperasi — entri cepat satu pesan per usaha (/cepat untuk formatnya) • /kinerja — capaian Anda • /daftar — kuesioner lengkap bersama pemilik",
            "As an enumerator: #umkm / #koperasi — quick entry, one message per business (/cepat for the format) • /kinerja — your counts • /daftar — the full questionnaire with the owner"),
        [PersonRole.Coordinator] = new(
            "Sebagai koordinator: /tim — pencacah dan capaiannya • /tinjau — data yang ditandai • #umkm — entri cepat • /langganan [jam] — ringkasan harian wilayah Anda (mis. /langganan 07.00) • /berhenti — hentikan ringkasan harian, pengingat dan siaran • /siaran pencacah <pesan> — kirim pesan ke tim Anda",
            "As a coordinator: /tim — enumerators and their counts • /tinjau — flagged records • #umkm — quick entry • /langganan [time] — your region's daily digest (e.g. /langganan 07.00) • /berhenti — stop the daily digest, reminders and broadcasts • /siaran pencacah <message> — message your team"),
        [PersonRole.Official] = new(
            "Sebagai pejabat: progress / peringkat / grafik <wilayah> • /ekspor — data wilayah Anda (CSV, atau /ekspor xlsx) • /langganan [jam] — ringkasan harian (mis. /langganan 07.00) • /berhenti — hentikan ringkasan harian, pengingat dan siaran • /siaran pencacah|koordinator|pemilik <pesan> — siaran di wilayah Anda",
            "As an official: progress / ranking / chart <region> • /ekspor — your region's data (CSV, or /ekspor xlsx) • /langganan [time] — daily digest (e.g. /langganan 07.00) • /berhenti — stop the daily digest, reminders and broadcasts • /siaran pencacah|koordinator|pemilik <message> — broadcast in your region"),
        [PersonRole.Admin] = new(
            "Sebagai admin: /tim, /tinjau, /ekspor, #umkm, #koperasi, progress <wilayah>, /langganan, /berhenti, /siaran",
            "As an admin: /tim, /tinjau, /ekspor, #umkm, #koperasi, progress <region>, /langganan, /berhenti, /siaran"),
    };

    public static readonly UserText Group = new(
        """
        Di grup ini saya menjawab capaian pendataan PL-KUMKM:
        • progress <wilayah> — mis. "progress OKU"
        • peringkat <provinsi> — mis. "peringkat Sumsel"
        • grafik <provinsi> — grafik peringkatnya
        Untuk mendaftarkan usaha atau koperasi, atau urusan data pribadi, chat saya secara pribadi.
        """,
        """
        In this group I answer PL-KUMKM census progress:
        • progress <region> — e.g. "progress OKU"
        • peringkat <province> — e.g. "peringkat Sumsel"
        • grafik <province> — the ranking as a chart
        To register a business or cooperative, or for anything personal, chat with me privately.
        """);

    public static readonly UserText QuestionHint = new(
        "Perintah: /kembali (sebelumnya), /lewati (opsional), /batal, /bantuan",
        "Commands: /kembali (back), /lewati (skip optional), /batal (cancel), /bantuan (help)");

    public static readonly (string Command, string Id, string En)[] Menu =
    [
        ("start", "Mulai / daftar usaha", "Start / register a business"),
        ("koperasi", "Daftarkan koperasi", "Register a cooperative"),
        ("status", "Lihat data saya", "See my records"),
        ("ubah", "Perbaiki data saya", "Correct my records"),
        ("bantuan", "Bantuan", "Help"),
        ("kembali", "Kembali ke pertanyaan sebelumnya", "Back to the previous question"),
        ("lewati", "Lewati pertanyaan opsional", "Skip an optional question"),
        ("batal", "Batalkan pengisian", "Cancel the form"),
        ("progress", "Progres pendataan suatu wilayah", "Census progress of a region"),
        ("bahasa", "Ganti bahasa (id/en)", "Change language (id/en)"),
    ];
}
