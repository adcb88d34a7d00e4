using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Handling;

/// <summary>When nothing else applies: a short, friendly word on what the bot can do.</summary>
internal sealed class FallbackHandler : IMessageHandler
{
    public static readonly UserText Help = new(
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

    // A bare yes or no reaching this point answers no open question: say so, so nobody believes it did something.
    private static readonly HashSet<string> YesOrNo = new(StringComparer.Ordinal)
    {
        "ya", "iya", "y", "yes", "ok", "oke", "setuju", "tidak", "no", "batal", "tidak jadi", "ya hapus data saya", "yes delete my data",
    };

    public static readonly UserText NothingWaiting = new(
        "Tidak ada yang sedang menunggu jawaban ya/tidak dari Anda, jadi tidak ada yang berubah.",
        "Nothing is waiting for a yes or no from you, so nothing has changed.");

    public int Order => 1000;

    /// <summary>Staff see their own commands first (/bantuan showed them only the owner menu).</summary>
    private static UserText? StaffHelp(Storage.Entities.PersonRole role) => role switch
    {
        Storage.Entities.PersonRole.Enumerator => new UserText(
            "Sebagai pencacah: #umkm / #koperasi — entri cepat satu pesan per usaha (/cepat untuk formatnya) • /kinerja — capaian Anda • /daftar — kuesioner lengkap bersama pemilik",
            "As an enumerator: #umkm / #koperasi — quick entry, one message per business (/cepat for the format) • /kinerja — your counts • /daftar — the full questionnaire with the owner"),
        Storage.Entities.PersonRole.Coordinator => new UserText(
            "Sebagai koordinator: /tim — pencacah dan capaiannya • /tinjau — data yang ditandai • #umkm — entri cepat",
            "As a coordinator: /tim — enumerators and their counts • /tinjau — flagged records • #umkm — quick entry"),
        Storage.Entities.PersonRole.Official => new UserText(
            "Sebagai pejabat: progress / peringkat / grafik <wilayah> • /ekspor — data wilayah Anda (CSV, atau /ekspor xlsx)",
            "As an official: progress / ranking / chart <region> • /ekspor — your region's data (CSV, or /ekspor xlsx)"),
        Storage.Entities.PersonRole.Admin => new UserText(
            "Sebagai admin: /tim, /tinjau, /ekspor, #umkm, #koperasi, progress <wilayah>",
            "As an admin: /tim, /tinjau, /ekspor, #umkm, #koperasi, progress <region>"),
        _ => null,
    };

    public Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (context.Text is { } text && YesOrNo.Contains(Engine.TextNormalizer.Fold(text)))
        {
            context.Reply(NothingWaiting);
        }

        var staff = StaffHelp(context.Person.Role);
        var help = staff is null ? Help.In(context.Language) : staff.In(context.Language) + "\n\n" + Help.In(context.Language);
        context.Reply(new OutboundMessage(help)
        {
            Options = [new ReplyOption(context.Language == Languages.English ? "📝 Register my business" : "📝 Daftarkan usaha", "/start")],
        });
        return Task.FromResult(true);
    }
}
