namespace PLKumkm.Bot.Messaging;

/// <summary>One entry of the command menu channels show next to the input box (without the slash).</summary>
internal sealed record MenuCommand(string Command, UserText Description);

/// <summary>
/// The single definition of the bot's command menu; every channel that has a menu renders this list,
/// so the commands users see and the commands the bot understands cannot drift apart.
/// </summary>
internal static class CommandMenu
{
    public static IReadOnlyList<MenuCommand> All { get; } =
    [
        new("start", new UserText("Mulai / daftar usaha", "Start / register a business")),
        new("koperasi", new UserText("Daftarkan koperasi", "Register a cooperative")),
        new("status", new UserText("Lihat data saya", "See my records")),
        new("ubah", new UserText("Perbaiki data saya", "Correct my records")),
        new("bantuan", new UserText("Bantuan", "Help")),
        new("kembali", new UserText("Kembali ke pertanyaan sebelumnya", "Back to the previous question")),
        new("lewati", new UserText("Lewati pertanyaan opsional", "Skip an optional question")),
        new("batal", new UserText("Batalkan pengisian", "Cancel the form")),
        new("progress", new UserText("Progres pendataan suatu wilayah", "Census progress of a region")),
        new("bahasa", new UserText("Ganti bahasa (id/en)", "Change language (id/en)")),
    ];
}
