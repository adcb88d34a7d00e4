using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Tests.Staff;

namespace PLKumkm.Bot.Tests.Broadcasts;

/// <summary>
/// Issue 17: <c>/berhenti</c> opts a person out of every message the bot starts on its own, broadcasts included
/// (WhatsApp Business policy); whoever broadcasts is told how many were left out, and <c>/langganan</c> is the way back.
/// </summary>
public sealed class BroadcastOptOutTests
{
    [Fact]
    public async Task Someone_who_said_berhenti_gets_no_broadcast_is_counted_as_left_out_and_langganan_brings_them_back()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("kadis", "0811 2000 0007", "official", "16.01", "Pak Kadis");
        for (var i = 1; i <= 3; i++)
        {
            await chat.OnboardAsync($"enum{i}", $"0811 2000 01{i:00}", "enumerator", "16.01", $"Enumerator {i}");
        }

        var stop = StaffChat.Text(await chat.SayAsync("enum2", "/berhenti"));
        Assert.Equal("Baik, saya tidak akan mengirim pengingat maupun siaran/pengumuman lagi; balasan atas pesan Anda tetap saya kirim. Apa yang sudah Anda isi tetap tersimpan; ketik /start kapan saja untuk melanjutkan. Untuk menerima pengingat dan siaran lagi, ketik /langganan.", stop);

        var file = Path.Combine(chat.Db.Folder, "pesan.txt");
        await File.WriteAllTextAsync(file, "Rapat evaluasi besok.\n");
        var dry = await Cli.RunAsync("broadcast", "--region", "16.01", "--to", "enumerators", "--text", file, "--dry-run", chat.Db.ConfigArg);
        Assert.Equal((0, "broadcast (dry run) to enumerators in Kabupaten Ogan Komering Ulu: 2 people; would send 2 (test 2), 0 already sent earlier, 0 without a reachable chat, 1 left out because they asked to stop (/berhenti)\n", ""), dry);

        var confirm = Assert.Single(await chat.SayAsync("kadis", "/siaran pencacah Laporan mingguan hari Jumat."));
        Assert.Equal("📣 Siaran ke 2 pencacah di Kabupaten Ogan Komering Ulu:\n\nLaporan mingguan hari Jumat.\n\n1 orang tidak menerimanya karena meminta berhenti (/berhenti).\nKirim sekarang?", confirm.Text);
        await chat.PressAsync("kadis", confirm.Options[0].Value);
        await RunJobAsync(chat);
        Assert.Equal("Laporan mingguan hari Jumat.", Assert.Single(chat.Received("enum1")).Text);
        Assert.Empty(chat.Received("enum2"));
        Assert.Equal("📣 Siaran Anda sudah dikirim ke 2 orang. 1 orang tidak menerimanya karena meminta berhenti (/berhenti).", Assert.Single(chat.Received("kadis")).Text);

        // The way back, for someone with no digest: the stop is cleared and nothing else is subscribed.
        Assert.Equal("✅ Baik, pengingat dan siaran/pengumuman akan saya kirim lagi. Berhenti lagi: /berhenti.", StaffChat.Text(await chat.SayAsync("enum2", "/langganan")));
        Assert.StartsWith("Ringkasan harian hanya untuk koordinator", StaffChat.Text(await chat.SayAsync("enum2", "/langganan")), StringComparison.Ordinal);
        var real = await Cli.RunAsync("broadcast", "--region", "16.01", "--to", "enumerators", "--text", file, chat.Db.ConfigArg);
        Assert.Matches(@": 3 stored now \(test 3\), 0 earlier, 0 without a reachable chat, 0 left out because", real.Output);
    }

    private static async Task RunJobAsync(StaffChat chat)
    {
        await using (var scope = chat.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Bot.Broadcasts.BroadcastJob>().RunPendingAsync(chat.Clock.GetUtcNow(), default);
        }

        await chat.Services.GetRequiredService<Bot.Messaging.OutboxDelivery>().FlushAsync();
    }
}
