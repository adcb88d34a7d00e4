using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;

namespace PLKumkm.Bot.Conversations.Handling;

internal static class SubmissionTexts
{
    public static string ForOwner(string language) => language == Languages.English
        ? "You are registering a business for its owner. Show or read the notice below to the owner, and press I agree only if the owner agrees."
        : "Anda mendaftarkan usaha atas nama pemiliknya. Tunjukkan atau bacakan pemberitahuan berikut kepada pemilik, lalu tekan Setuju hanya bila pemilik setuju.";

    /// <summary>An edited message when no questionnaire is open: nothing it could correct.</summary>
    public static string EditChangesNothing(string language) => language == Languages.English
        ? "An edited message changes nothing here; please send it again as a new message. Saved data is changed with /ubah."
        : "Pesan yang diedit tidak mengubah apa pun di sini; silakan kirim ulang sebagai pesan baru. Data yang tersimpan diubah dengan /ubah.";

    public static string Number(string number, string language) => language == Languages.English
        ? $"Registration number: {number}\nPlease keep this number."
        : $"Nomor registrasi: {number}\nMohon simpan nomor ini.";

    public static string Updated(string number, string language) => language == Languages.English
        ? $"This business was already registered as {number}, so we updated its data — it is not counted twice."
        : $"Usaha ini sudah terdaftar dengan nomor {number}, jadi datanya kami perbarui — tidak dihitung dua kali.";

    public static string KoperasiUpdated(string number, string language) => language == Languages.English
        ? $"This cooperative was already registered as {number}, so we updated its data — it is not counted twice."
        : $"Koperasi ini sudah terdaftar dengan nomor {number}, jadi datanya kami perbarui — tidak dihitung dua kali.";

    public static string Corrected(string number, string language) => language == Languages.English
        ? $"Your corrections to {number} are saved. The previous data is kept in the record's history. /status shows your records."
        : $"Perbaikan data {number} sudah tersimpan. Data sebelumnya tetap tercatat di riwayat. Ketik /status untuk melihat data Anda.";

    public static string CorrectionGone(string number, string language) => language == Languages.English
        ? $"Record {number} can no longer be changed (it was deleted). Nothing was saved."
        : $"Data {number} tidak bisa diubah lagi (sudah dihapus). Tidak ada yang disimpan.";

    public static string UnderReview(string language) => language == Languages.English
        ? "Note: a coordinator will review this record (/status shows why). It is counted meanwhile."
        : "Catatan: data ini akan ditinjau koordinator (alasannya ada di /status). Sementara itu tetap dihitung.";

    public static string SizeClass(string skala, string language) => (skala, language) switch
    {
        (Records.SizeClass.Besar, Languages.English) =>
            "Note: by its turnover/capital this is a large business, outside the MSME scope; a coordinator will review it.",
        (Records.SizeClass.Besar, _) =>
            "Catatan: dari omzet/modalnya, usaha ini tergolong usaha besar (di luar cakupan UMKM); koordinator akan meninjaunya.",
        (_, Languages.English) => $"By PP 7/2021 it is classed as a {English(skala)} business.",
        _ => $"Menurut PP 7/2021 usaha ini tergolong usaha {skala}.",
    };

    private static string English(string skala) => skala switch
    {
        Records.SizeClass.Mikro => "micro",
        Records.SizeClass.Kecil => "small",
        Records.SizeClass.Menengah => "medium",
        _ => skala,
    };
}
