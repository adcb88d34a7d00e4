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

    public int Order => 1000;

    public Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        context.Reply(new OutboundMessage(Help.In(context.Language))
        {
            Options = [new ReplyOption(context.Language == Languages.English ? "📝 Register my business" : "📝 Daftarkan usaha", "/start")],
        });
        return Task.FromResult(true);
    }
}
