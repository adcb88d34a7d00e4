using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;

namespace PLKumkm.Bot.Conversations.Handling;

internal static class SubmissionTexts
{
    public static string Number(string number, string language) => language == Languages.English
        ? $"Registration number: {number}\nPlease keep this number."
        : $"Nomor registrasi: {number}\nMohon simpan nomor ini.";

    public static string Updated(string number, string language) => language == Languages.English
        ? $"This business was already registered as {number}, so we updated its data — it is not counted twice."
        : $"Usaha ini sudah terdaftar dengan nomor {number}, jadi datanya kami perbarui — tidak dihitung dua kali.";

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
