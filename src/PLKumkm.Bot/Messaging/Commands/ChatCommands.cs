using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Exports;
using PLKumkm.Bot.Owners;
using PLKumkm.Bot.Progress;
using PLKumkm.Bot.Staff;
using PLKumkm.Bot.Staff.Onboarding;
using PLKumkm.Bot.Staff.Performance;
using PLKumkm.Bot.Staff.QuickEntry;
using PLKumkm.Bot.Staff.Review;
using PLKumkm.Bot.Staff.Team;
using PLKumkm.Bot.Digests;
using PLKumkm.Bot.Broadcasts;

namespace PLKumkm.Bot.Messaging.Commands;

/// <summary>
/// The command table: every chat command, its names in both languages, who may use it and where, what it does to an
/// open questionnaire, its menu line and its help. Routing (<see cref="CommandRouter"/>), the command menu
/// (<see cref="CommandMenu"/>), <c>/bantuan</c> per role and the questionnaire's hint (<see cref="CommandHelp"/>) are
/// read from here. A new command is one entry here plus its handler.
/// </summary>
internal static class ChatCommands
{
    public static readonly CommandEntry Start = new(typeof(StartHandler), "start")
    {
        InGroups = InGroups.ShowsGroupHelp,
        // The start menu's buttons typed ("Daftarkan UMKM", "koperasi"): inside a questionnaire "koperasi" may be an answer.
        Trigger = PlainTrigger.Text(text => StartHandler.TypedChoice(text) is not null, TriggerPrecedence.AfterQuestionnaire),
        Menu = new("Mulai / daftar usaha", "Start / register a business"),
        Help =
        {
            [HelpSection.Owner] = new("/start — daftarkan usaha (UMKM) atau koperasi Anda (sekitar 5 menit)",
                "/start — register your business (MSME) or cooperative (about 5 minutes)"),
        },
    };

    public static readonly CommandEntry Koperasi = new(typeof(StartHandler), "koperasi")
    {
        Menu = new("Daftarkan koperasi", "Register a cooperative"),
    };

    public static readonly CommandEntry Status = new(typeof(StatusHandler), "status", "statusku", "data")
    {
        Menu = new("Lihat data saya", "See my records"),
        Help = { [HelpSection.Owner] = new("/status — lihat data Anda", "/status — see your records") },
    };

    public static readonly CommandEntry Edit = new(typeof(EditHandler), "ubah", "perbaiki", "edit")
    {
        Menu = new("Perbaiki data saya", "Correct my records"),
        Help = { [HelpSection.Owner] = new("/ubah — perbaiki", "/ubah — correct them") },
    };

    public static readonly CommandEntry Help = new(typeof(FallbackHandler), "bantuan", "help", "tolong")
    {
        InGroups = InGroups.ShowsGroupHelp,
        WhileAnswering = WhileAnswering.BelongsToQuestionnaire,
        Menu = new("Bantuan", "Help"),
        Help =
        {
            [HelpSection.Owner] = new("/bantuan — bantuan", "/bantuan — help"),
            [HelpSection.QuestionHint] = new("/bantuan", "/bantuan (help)"),
        },
    };

    public static readonly CommandEntry Back = OfTheQuestionnaire(["kembali", "back"],
        new("Kembali ke pertanyaan sebelumnya", "Back to the previous question"),
        new("/kembali", "/kembali (back)"), new("/kembali (sebelumnya)", "/kembali (back)"));

    public static readonly CommandEntry Skip = OfTheQuestionnaire(["lewati", "skip"],
        new("Lewati pertanyaan opsional", "Skip an optional question"),
        new("/lewati", "/lewati (skip)"), new("/lewati (opsional)", "/lewati (skip optional)"));

    public static readonly CommandEntry Cancel = OfTheQuestionnaire(["batal", "cancel", "batalkan"],
        new("Batalkan pengisian", "Cancel the form"),
        new("/batal", "/batal (cancel)"), new("/batal", "/batal (cancel)"));

    public static readonly CommandEntry Progress = new(typeof(ProgressHandler), "progress", "progres", "capaian")
    {
        InGroups = InGroups.Answered,
        // "progress OKU" typed without the slash, also "peringkat …" and "grafik …". Inside a questionnaire the handler
        // takes it only when it names a region ("Grafik Printing" may be a business name).
        Trigger = PlainTrigger.Text(text => ProgressRequest.Parse(text) is not null, TriggerPrecedence.BeforeQuestionnaire),
        Menu = new("Progres pendataan suatu wilayah", "Census progress of a region"),
        Help =
        {
            [HelpSection.Owner] = new("progress <wilayah> — capaian pendataan, mis. \"progress OKU\"",
                "progress <region> — census progress, e.g. \"progress OKU\""),
            [HelpSection.Official] = new("progress / peringkat / grafik <wilayah>", "progress / ranking / chart <region>"),
            [HelpSection.Admin] = new("progress <wilayah>", "progress <region>"),
            [HelpSection.Group] = new("progress <wilayah> — mis. \"progress OKU\"", "progress <region> — e.g. \"progress OKU\""),
        },
    };

    public static readonly CommandEntry Language = new(typeof(LanguageHandler), "bahasa", "language")
    {
        Menu = new("Ganti bahasa (id/en)", "Change language (id/en)"),
        Help = { [HelpSection.Owner] = new("/bahasa en — English", "/bahasa id — Bahasa Indonesia") },
    };

    public static readonly CommandEntry Register = new(typeof(StartHandler), "daftar", "mulai")
    {
        Help = { [HelpSection.Enumerator] = new("/daftar — kuesioner lengkap bersama pemilik", "/daftar — the full questionnaire with the owner") },
    };

    public static readonly CommandEntry Withdraw = new(typeof(WithdrawalHandler), "hapus", "hapusdata")
    {
        // "hapus data saya" at any time, and the typed answers to its question while that is open.
        Trigger = PlainTrigger.Text(WithdrawalHandler.Recognises, TriggerPrecedence.BeforeQuestionnaire),
        Help = { [HelpSection.Owner] = new("\"hapus data saya\" — tarik persetujuan", "\"hapus data saya\" — withdraw consent") },
    };

    public static readonly CommandEntry Ranking = new(typeof(ProgressHandler), "peringkat", "ranking")
    {
        InGroups = InGroups.Answered,
        Help = { [HelpSection.Group] = new("peringkat <provinsi> — mis. \"peringkat Sumsel\"", "peringkat <province> — e.g. \"peringkat Sumsel\"") },
    };

    public static readonly CommandEntry Chart = new(typeof(ProgressHandler), "grafik", "chart")
    {
        InGroups = InGroups.Answered,
        Help = { [HelpSection.Group] = new("grafik <provinsi> — grafik peringkatnya", "grafik <province> — the ranking as a chart") },
    };

    public static readonly CommandEntry QuickEntry = new(typeof(QuickEntryHandler), "cepat")
    {
        Requires = StaffAction.QuickEntry,
        // Any #<questionnaire id> (#umkm, #koperasi, a new file's); a tag no questionnaire has is left to the chat.
        Trigger = PlainTrigger.Text(text => QuickEntryMessage.TagOf(text) is not null, TriggerPrecedence.BeforeQuestionnaire) with
        {
            Confirms = (services, content) => content is TextInput { Text: var text }
                && services.GetRequiredService<QuickEntryParsers>().Find(text) is not null,
        },
        Help =
        {
            [HelpSection.Enumerator] = new("#umkm / #koperasi — entri cepat satu pesan per usaha (/cepat untuk formatnya)",
                "#umkm / #koperasi — quick entry, one message per business (/cepat for the format)"),
            [HelpSection.Coordinator] = new("#umkm — entri cepat", "#umkm — quick entry"),
            [HelpSection.Admin] = new("#umkm, #koperasi", "#umkm, #koperasi"),
        },
    };

    public static readonly CommandEntry Performance = new(typeof(PerformanceHandler), "kinerja", "performance")
    {
        Requires = StaffAction.Performance,
        Help = { [HelpSection.Enumerator] = new("/kinerja — capaian Anda", "/kinerja — your counts") },
    };

    public static readonly CommandEntry Team = new(typeof(TeamHandler), "tim", "team")
    {
        Requires = StaffAction.Team,
        Help =
        {
            [HelpSection.Coordinator] = new("/tim — pencacah dan capaiannya", "/tim — enumerators and their counts"),
            [HelpSection.Admin] = new("/tim", "/tim"),
        },
    };

    public static readonly CommandEntry Review = new(typeof(ReviewHandler), "tinjau", "review")
    {
        Requires = StaffAction.Review,
        Help =
        {
            [HelpSection.Coordinator] = new("/tinjau — data yang ditandai", "/tinjau — flagged records"),
            [HelpSection.Admin] = new("/tinjau", "/tinjau"),
        },
    };

    // Officials and admins only; the handler says who (its region rules differ from the staff actions').
    public static readonly CommandEntry Export = new(typeof(ExportHandler), "ekspor", "export", "unduh")
    {
        Help =
        {
            [HelpSection.Official] = new("/ekspor — data wilayah Anda (CSV, atau /ekspor xlsx)", "/ekspor — your region's data (CSV, or /ekspor xlsx)"),
            [HelpSection.Admin] = new("/ekspor", "/ekspor"),
        },
    };

    public static readonly CommandEntry Subscribe = new(typeof(SubscriptionHandler), "langganan", "subscribe")
    {
        Help =
        {
            [HelpSection.Coordinator] = new("/langganan [jam] — ringkasan harian wilayah Anda (mis. /langganan 07.00)",
                "/langganan [time] — your region's daily digest (e.g. /langganan 07.00)"),
            [HelpSection.Official] = new("/langganan [jam] — ringkasan harian (mis. /langganan 07.00)", "/langganan [time] — daily digest (e.g. /langganan 07.00)"),
            [HelpSection.Admin] = new("/langganan, /berhenti", "/langganan, /berhenti"),
            [HelpSection.Owner] = new("/langganan — terima lagi", "/langganan — get them again"),
        },
    };

    public static readonly CommandEntry Unsubscribe = new(typeof(SubscriptionHandler), "berhenti", "unsubscribe")
    {
        Help =
        {
            [HelpSection.Coordinator] = new("/berhenti — hentikan ringkasan harian, pengingat dan siaran", "/berhenti — stop the daily digest, reminders and broadcasts"),
            [HelpSection.Official] = new("/berhenti — hentikan ringkasan harian, pengingat dan siaran", "/berhenti — stop the daily digest, reminders and broadcasts"),
            [HelpSection.Owner] = new("/berhenti — hentikan pengingat dan siaran", "/berhenti — stop reminders and broadcasts"),
        },
    };

    public static readonly CommandEntry Broadcast = new(typeof(BroadcastChatHandler), "siaran", "broadcast")
    {
        Requires = StaffAction.Broadcast,
        Help =
        {
            [HelpSection.Coordinator] = new("/siaran pencacah <pesan> — kirim pesan ke tim Anda", "/siaran pencacah <message> — message your team"),
            [HelpSection.Official] = new("/siaran pencacah|koordinator|pemilik <pesan> — siaran di wilayah Anda",
                "/siaran pencacah|koordinator|pemilik <message> — broadcast in your region"),
            [HelpSection.Admin] = new("/siaran", "/siaran"),
        },
    };

    public static readonly CommandEntry StaffSignIn = new(typeof(StaffOnboardingHandler), "petugas", "daftar_petugas", "staff")
    {
        // A shared contact signs staff in, unless it answers the open questionnaire's phone question.
        Trigger = new(content => content is ContactInput, TriggerPrecedence.AfterQuestionnaire),
    };

    /// <summary>The table: menu order first (the menu lists the entries that have a menu line, in this order).</summary>
    public static readonly CommandTable Table = new(
        [
            Start, Koperasi, Status, Edit, Help, Back, Skip, Cancel, Progress, Language,
            Register, Withdraw, Ranking, Chart, QuickEntry, Performance, Team, Review, Export, Subscribe, Unsubscribe, Broadcast, StaffSignIn,
        ],
        openQuestionnaire: typeof(QuestionnaireHandler),
        otherwise: typeof(FallbackHandler),
        inGroups: typeof(GroupChatHandler));

    /// <summary>A command of the open question itself (the engine reads it); outside a questionnaire help answers it.</summary>
    private static CommandEntry OfTheQuestionnaire(string[] names, UserText menu, UserText helpWords, UserText hintWords) =>
        new(typeof(QuestionnaireHandler), names)
        {
            WhileAnswering = WhileAnswering.BelongsToQuestionnaire,
            Menu = menu,
            Help = { [HelpSection.OwnerWhileAnswering] = helpWords, [HelpSection.QuestionHint] = hintWords },
        };
}
