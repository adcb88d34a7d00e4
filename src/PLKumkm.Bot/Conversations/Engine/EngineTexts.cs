using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>The engine's own sentences (questionnaire-specific text lives in the YAML files).</summary>
internal static class EngineTexts
{
    public static readonly UserText Agree = new("✅ Setuju", "✅ I agree");
    public static readonly UserText Disagree = new("Tidak setuju", "I do not agree");
    public static readonly UserText ConsentHint = new(
        "Mohon pilih *Setuju* untuk melanjutkan, atau *Tidak setuju* bila tidak bersedia.",
        "Please choose *I agree* to continue, or *I do not agree* if you do not wish to.");
    public static readonly UserText Declined = new(
        "Baik, tidak ada data Anda yang kami simpan. Jika berubah pikiran, ketik /start kapan saja.",
        "Alright, none of your data has been stored. If you change your mind, type /start at any time.");

    public static readonly UserText EditIntro = new(
        "Perbaikan data {0}. Di bawah ini data yang tersimpan: ketik nomor yang ingin diubah, lalu *Kirim*.",
        "Correcting {0}. Below is the stored data: type the number you want to change, then *Submit*.");

    public static readonly UserText Required = new(
        "Pertanyaan ini wajib diisi, jadi tidak bisa dilewati.",
        "This question is required, so it cannot be skipped.");

    public static readonly UserText AnswerAgain = new(
        "Pertanyaan ini perlu dijawab lagi karena jawaban sebelumnya diubah (mis. omzet dihitung ulang untuk periode yang baru).",
        "This question needs an answer again because an earlier answer changed (e.g. turnover counted for the new period).");

    public static readonly UserText AnswerUpdated = new("Jawaban diperbarui: {0}", "Answer updated: {0}");
    public static readonly UserText AnswerKept = new("Jawaban sebelumnya tetap: {0}", "The earlier answer stays: {0}");
    public static readonly UserText EditTooOld = new(
        "Pesan yang diedit itu bukan jawaban terakhir, jadi tidak mengubah apa pun. Untuk mengubah jawaban lain, ketik nomornya di ringkasan di akhir pengisian.",
        "That edited message is not the latest answer, so it changes nothing. To change another answer, type its number in the summary at the end.");

    public static readonly UserText EditIntoCommand = new(
        "Perintah di pesan yang diedit tidak dijalankan. Kirim perintahnya sebagai pesan baru (mis. /batal).",
        "A command in an edited message is not run. Send it as a new message (e.g. /batal).");

    public static readonly UserText FirstQuestion = new(
        "Ini sudah pertanyaan pertama.",
        "This is already the first question.");
    public static readonly UserText CurrentAnswer = new("Jawaban saat ini", "Current answer");
    public static readonly UserText Skippable = new(
        "(boleh dilewati: /lewati)",
        "(optional: /lewati to skip)");
    public static UserText CommandsHint => Messaging.Commands.CommandHelp.QuestionHint;
    public static readonly UserText UnknownCommand = new(
        "Perintah {0} tidak dikenal di tengah pengisian.",
        "The command {0} is not known while answering.");
    public static readonly UserText NoExtraHelp = new(
        "Jawab pertanyaan di atas dengan singkat.",
        "Answer the question above briefly.");

    public static readonly UserText ConfirmCancel = new(
        "Yakin ingin membatalkan? Semua jawaban pendaftaran ini akan dihapus.",
        "Are you sure you want to cancel? All answers of this registration will be discarded.");
    public static readonly UserText YesCancel = new("Ya, batalkan", "Yes, cancel");
    public static readonly UserText NoContinue = new("Tidak, lanjutkan", "No, continue");
    public static readonly UserText Cancelled = new(
        "Pendaftaran dibatalkan dan jawaban tidak disimpan. Ketik /start untuk mulai lagi.",
        "Registration cancelled; the answers were not kept. Type /start to begin again.");
    public static readonly UserText Resumed = new("Baik, kita lanjutkan.", "Alright, let's continue.");

    public static readonly UserText SummaryTitle = new("Ringkasan jawaban Anda:", "Summary of your answers:");
    public static readonly UserText SummaryHint = new(
        "Periksa kembali. Ketik nomornya untuk mengubah jawaban (mis. 3); tekan *Kirim* atau ketik kirim bila sudah benar, batal untuk membatalkan.",
        "Please check. Type a number to change that answer (e.g. 3); press *Submit* or type submit if all is correct, cancel to cancel.");
    public static readonly UserText Submit = new("✅ Kirim", "✅ Submit");
    public static readonly UserText Cancel = new("❌ Batal", "❌ Cancel");
    public static readonly UserText SubmitKey = new("kirim", "submit");
    public static readonly UserText CancelKey = new("batal", "cancel");
    public static readonly UserText NotAnswered = new("—", "—");
    public static readonly UserText PhotoAttached = new("📷 foto terlampir", "📷 photo attached");
    public static readonly UserText PickNumber = new(
        "Ketik nomor 1–{0} untuk mengubah jawaban, atau tekan *Kirim* (ketik kirim).",
        "Type a number 1–{0} to change that answer, or press *Submit* (type submit).");

    public static readonly UserText StaleButton = new(
        "Tombol itu dari pertanyaan sebelumnya. Silakan jawab pertanyaan ini:",
        "That button belongs to an earlier question. Please answer this one:");
    public static readonly UserText Unsupported = new(
        "Maaf, saya belum bisa membaca {0}. Silakan ketik jawabannya.",
        "Sorry, I cannot read {0} yet. Please type your answer.");
    public static readonly UserText Empty = new(
        "Pesannya kosong. Silakan ketik jawabannya.",
        "The message is empty. Please type your answer.");
    public static readonly UserText NotAPhoneQuestion = new(
        "Terima kasih, tetapi pertanyaan ini bukan tentang nomor HP.",
        "Thank you, but this question is not about a phone number.");
    public static readonly UserText NotALocationQuestion = new(
        "Terima kasih, tetapi pertanyaan ini bukan tentang lokasi.",
        "Thank you, but this question is not about a location.");
    public static readonly UserText NotAPhotoQuestion = new(
        "Terima kasih, tetapi pertanyaan ini tidak meminta foto.",
        "Thank you, but this question does not ask for a photo.");
    public static readonly UserText PhotoNeeded = new(
        "Silakan kirim fotonya (gunakan ikon 📎 / kamera), atau /lewati.",
        "Please send the photo (use the 📎 / camera icon), or /lewati to skip.");
    public static readonly UserText PhotoNotReceived = new(
        "Maaf, fotonya tidak berhasil kami terima. Silakan kirim sekali lagi, atau /lewati.",
        "Sorry, the photo could not be received. Please send it once more, or /lewati to skip.");
    public static readonly UserText PhotoTooLarge = new(
        "Fotonya terlalu besar (paling besar {0} MB). Silakan kirim foto yang lebih kecil, atau /lewati.",
        "The photo is too large (at most {0} MB). Please send a smaller one, or /lewati to skip.");
    public static readonly UserText PhotoNotAnImage = new(
        "Berkas itu bukan foto yang bisa kami simpan (JPEG, PNG atau WebP). Silakan kirim fotonya, atau /lewati.",
        "That file is not a photo we can keep (JPEG, PNG or WebP). Please send the photo, or /lewati to skip.");
    public static readonly UserText LocationNeeded = new(
        "Tekan tombol *Bagikan lokasi*, kirim lokasi lewat 📎, atau ketik koordinat (mis. -4.1234, 104.1612).",
        "Press *Share location*, send a location via 📎, or type coordinates (e.g. -4.1234, 104.1612).");

    public static readonly UserText TooLong = new(
        "Jawaban terlalu panjang (paling banyak {0} karakter). Mohon disingkat.",
        "The answer is too long (at most {0} characters). Please shorten it.");
    public static readonly UserText NeedsLetters = new(
        "Jawaban perlu berisi huruf atau angka. Silakan ketik lagi.",
        "The answer needs letters or digits. Please type it again.");
    public static readonly UserText NameNeedsLetters = new(
        "Nama perlu berisi huruf (mis. Siti Aminah, Warung Siti 2). Silakan ketik lagi.",
        "A name needs letters (e.g. Siti Aminah, Warung Siti 2). Please type it again.");
    public static readonly UserText ChoiceInvalid = new(
        "Pilihan tidak dikenali. Tekan salah satu tombol atau ketik nomornya (1–{0}).",
        "I did not recognise that choice. Press a button or type its number (1–{0}).");
    public static readonly UserText MultiHint = new(
        "Boleh lebih dari satu: ketik nomor-nomornya (mis. 1, 3) atau tekan tombolnya lalu *Selesai*.",
        "More than one is fine: type the numbers (e.g. 1, 3) or press the buttons then *Done*.");
    public static readonly UserText MultiDone = new("✔️ Selesai", "✔️ Done");
    public static readonly UserText MultiChosen = new("Terpilih", "Chosen");
    public static readonly UserText MultiEmpty = new(
        "Belum ada yang dipilih. Pilih minimal satu.",
        "Nothing is chosen yet. Choose at least one.");
    public static readonly UserText ConfirmValue = new("Maksud Anda {0}?", "Do you mean {0}?");
    public static readonly UserText ConfirmRetry = new("Baik, silakan tulis lagi.", "Alright, please write it again.");
    public static readonly UserText PerYear = new("per tahun", "per year");
    public static readonly UserText DailyConverted = new(
        "{0} per hari × 300 hari buka setahun (25 hari sebulan) =",
        "{0} per day × 300 open days a year (25 a month) =");
    public static readonly UserText PerPeriod = new("per {0}", "per {0}");

    public static readonly UserText KbliFromActivity = new(
        "Dari kegiatan \"{0}\", kode KBLI yang paling cocok:",
        "For the activity \"{0}\", the closest KBLI codes (KBLI titles exist in Indonesian only):");
    public static readonly UserText KbliFromWords = new(
        "Kode KBLI yang paling cocok untuk \"{0}\":",
        "The closest KBLI codes for \"{0}\" (KBLI titles exist in Indonesian only):");
    public static readonly UserText KbliNoneOfThese = new("Bukan semuanya: pilih sektor", "None of these: choose the sector");
    public static readonly UserText KbliChoicesHint = new(
        "Tekan tombol atau ketik nomornya. Bisa juga ketik kegiatan lain, huruf sektor (A–U) atau kode 5 angka.",
        "Press a button or type its number. You can also type another activity, a section letter (A–U) or a 5-digit code.");
    public static readonly UserText KbliPickSection = new(
        "Baik, pilih sektornya (tombol), atau ketik huruf sektor KBLI A sampai U:",
        "Alright, choose the sector (buttons), or type a KBLI section letter A to U:");

    public static readonly UserText RegionNotFound = new(
        "Saya tidak menemukan \"{0}\"{1}. Periksa ejaannya dan coba lagi.",
        "I could not find \"{0}\"{1}. Please check the spelling and try again.");
    public static readonly UserText RegionExamples = new("Contoh: {0}.", "For example: {0}.");
    public static readonly UserText RegionPickOne = new(
        "Ada beberapa yang cocok. Pilih salah satu (tekan tombol atau ketik nomornya):",
        "Several match. Pick one (press a button or type its number):");
    public static readonly UserText RegionIn = new(" di {0}", " in {0}");
    public static readonly UserText RegionAskProvince = new(
        "Ketik nama desa/kelurahan, kecamatan, kabupaten/kota atau provinsinya (mis. Sukaraya, Baturaja Timur, Ogan Komering Ulu atau Sumatera Selatan).",
        "Type the name of the village, district, regency/city or province (e.g. Sukaraya, Baturaja Timur, Ogan Komering Ulu or South Sumatra).");
    public static readonly UserText RegionKeep = new(
        "Tekan *Tetap* (atau ketik 1) untuk memakainya lagi, atau ketik lokasi lain.",
        "Press *Keep* (or type 1) to keep it, or type another place.");
    public static readonly UserText RegionKeepButton = new("✓ Tetap: {0}", "✓ Keep: {0}");
    public static readonly UserText RegionAskRegency = new(
        "Kabupaten/kota apa di {0}? Ketik namanya.",
        "Which regency/city in {0}? Type its name.");
    public static readonly UserText RegionAskDistrict = new(
        "Kecamatan apa di {0}? Ketik namanya.",
        "Which district in {0}? Type its name.");
    public static readonly UserText RegionAskVillage = new(
        "Desa/kelurahan apa di {0}? Ketik namanya.",
        "Which village in {0}? Type its name.");
    public static readonly UserText RegionChosen = new("✓ {0}", "✓ {0}");
}
