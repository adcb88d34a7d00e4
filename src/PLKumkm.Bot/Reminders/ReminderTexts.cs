using PLKumkm.Bot.Core;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Reminders;

internal static class ReminderTexts
{
    public static UserText Form(string title, int answered, int total, bool last) => new(
        // Someone who stopped at the consent question has answered nothing: "0 dari 28 sudah dijawab" would read as a rebuke.
        (answered == 0
            ? $"⏰ {title} Anda belum dimulai: sekitar {total} pertanyaan, kira-kira 5 menit. Lanjutkan sekarang?"
            : $"⏰ {title} Anda belum selesai: {answered} dari {total} pertanyaan sudah dijawab, dan semuanya tersimpan. Lanjutkan sekarang?")
        + (last ? " (Ini pengingat terakhir.)" : "") + " Tidak ingin diingatkan? Ketik /berhenti.",
        (answered == 0
            ? $"⏰ Your {title} has not started yet: about {total} questions, some 5 minutes. Continue now?"
            : $"⏰ Your {title} is not finished: {answered} of {total} questions are answered, and all of it is kept. Continue now?")
        + (last ? " (This is the last reminder.)" : "") + " Rather not be reminded? Type /berhenti.");

    /// <summary>
    /// An enumerator's form filled in for a business: it is not "theirs", so the reminder names the business when its
    /// name is already answered, and says nothing about being reminded as an owner would be.
    /// </summary>
    public static UserText OnBehalf(string title, string? business, int answered, int total, bool last) => new(
        $"⏰ {title} yang Anda isi untuk {(business is null ? "sebuah usaha" : $"\"{business}\"")} belum selesai: {answered} dari {total} pertanyaan sudah dijawab, dan semuanya tersimpan. Lanjutkan sekarang?"
        + (last ? " (Ini pengingat terakhir.)" : "") + " Tidak ingin diingatkan? Ketik /berhenti.",
        $"⏰ The {title} you are filling in for {(business is null ? "a business" : $"\"{business}\"")} is not finished: {answered} of {total} questions are answered, and all of it is kept. Continue now?"
        + (last ? " (This is the last reminder.)" : "") + " Rather not be reminded? Type /berhenti.");

    public static UserText Enumerator(string name, DateOnly? lastDay, string language) => new(
        $"⏰ Halo {name}, belum ada data dari Anda {(lastDay is { } d ? $"sejak {DateParser.Format(d, language)}" : "sejak Anda terdaftar")}. Kirim entri cepat #umkm (formatnya: /cepat) atau isi bersama pemilik dengan /daftar. Ada kendala? Hubungi koordinator Anda. Tidak ingin diingatkan? /berhenti.",
        $"⏰ Hello {name}, nothing has come from you {(lastDay is { } d2 ? $"since {DateParser.Format(d2, language)}" : "since you were registered")}. Send a quick entry #umkm (format: /cepat) or fill in the form with an owner using /daftar. Any problem? Contact your coordinator. Rather not be reminded? /berhenti.");
}
