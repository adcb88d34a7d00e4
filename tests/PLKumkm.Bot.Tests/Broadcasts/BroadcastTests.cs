using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Broadcasts;
using PLKumkm.Bot.Tests.Records;
using PLKumkm.Bot.Tests.Staff;

namespace PLKumkm.Bot.Tests.Broadcasts;

/// <summary>
/// Issue 17, item 4: <c>broadcast</c> stores one message per person of the audience in a region; a run cut short is
/// run again and goes on where it stopped, nobody getting it twice; a dry run sends nothing.
/// </summary>
public sealed class BroadcastTests
{
    private static async Task<StaffChat> CampaignAsync()
    {
        var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("coord", "0811 2000 0009", "coordinator", "16.01", "Bu Dewi");
        for (var i = 1; i <= 6; i++)
        {
            await chat.OnboardAsync($"enum{i}", $"0811 2000 01{i:00}", "enumerator", "16.01", $"Enumerator {i}");
        }

        await chat.OnboardAsync("bogor", "0811 3000 0001", "enumerator", "32.01", "Asep");
        return chat;
    }

    [Fact]
    public async Task A_broadcast_cut_short_is_finished_by_running_it_again_and_nobody_gets_it_twice()
    {
        await using var chat = await CampaignAsync();
        using var cut = new CancellationTokenSource();
        var stored = 0;
        await using (var scope = chat.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<BroadcastSender>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.RunAsync("16.01", "enumerators", "Rapat evaluasi besok 09.00.", dryRun: false,
                (done, _) =>
                {
                    // "Killed" after the fourth message.
                    if (++stored == 4)
                    {
                        cut.Cancel();
                    }
                }, cut.Token));
        }

        await using (var scope = chat.Services.CreateAsyncScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<BroadcastSender>()
                .RunAsync("16.01", "enumerators", "Rapat evaluasi besok 09.00.", dryRun: false, null, default);
            Assert.Equal((6, 2, 4, 0), (again.Audience, again.Stored, again.StoredBefore, again.WithoutChat));
        }

        await using var db = chat.Db.Open();
        var rows = await db.Outbox.AsNoTracking().Where(o => o.SentAt == null).ToListAsync();
        Assert.Equal(6, rows.Count);
        Assert.Equal(6, rows.Select(r => r.Address).Distinct().Count());
        Assert.DoesNotContain(rows, r => r.Address.Contains("bogor", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("Rapat evaluasi besok 09.00.", Bot.Messaging.OutboxPayload.Deserialize(r.PayloadJson).Text, StringComparison.Ordinal));
        Assert.Equal(6, await db.BroadcastRecipients.CountAsync());
        Assert.NotNull((await db.Broadcasts.SingleAsync()).FinishedAt);
    }

    [Fact]
    public async Task The_verb_counts_a_dry_run_paces_the_real_one_and_refuses_bad_arguments()
    {
        await using var chat = await CampaignAsync();
        await chat.SayAsync("oku", RecordScopeTests.OkuEntry);
        var file = Path.Combine(chat.Db.Folder, "pesan.txt");
        await File.WriteAllTextAsync(file, "Terima kasih sudah mendaftar!\u202e\n");

        var dry = await Cli.RunAsync("broadcast", "--region", "OKU", "--to", "coordinators", "--text", file, "--dry-run", chat.Db.ConfigArg);
        Assert.Equal((0, "broadcast (dry run) to coordinators in Kabupaten Ogan Komering Ulu: 1 person; would send 1 (test 1), 0 already sent earlier, 0 without a reachable chat, 0 left out because they asked to stop (/berhenti)\n", ""), dry);
        await using (var db = chat.Db.Open())
        {
            Assert.False(await db.Outbox.AnyAsync(o => o.SentAt == null));
        }

        // 6 enumerators at 2 a second: three seconds' worth.
        var real = await Cli.RunAsync("broadcast", "--region", "16.01", "--to", "enumerators", "--text", file, "--Broadcasts:TelegramPerSecond=2", chat.Db.ConfigArg);
        Assert.Equal(0, real.Exit);
        Assert.Matches(@"^broadcast \d+ to enumerators in Kabupaten Ogan Komering Ulu: 6 stored now \(test 6\), 0 earlier, 0 without a reachable chat, 0 left out because they asked to stop \(/berhenti\); the running bot delivers them\n$", real.Output);
        Assert.Contains("0 stored now", (await Cli.RunAsync("broadcast", "--region", "16.01", "--to", "enumerators", "--text", file, chat.Db.ConfigArg)).Output, StringComparison.Ordinal);

        Assert.Equal("error: --to wants one of owners, owners-unfinished, enumerators, coordinators, not 'everyone'\n",
            (await Cli.RunAsync("broadcast", "--region", "16.01", "--to", "everyone", "--text", file, chat.Db.ConfigArg)).Error);
        Assert.StartsWith("error: unknown or ambiguous region 'Narnia'",
            (await Cli.RunAsync("broadcast", "--region", "Narnia", "--to", "owners", "--text", file, chat.Db.ConfigArg)).Error, StringComparison.Ordinal);
        Assert.StartsWith("error: file not found:", (await Cli.RunAsync("broadcast", "--region", "16.01", "--to", "owners", "--text", file + ".none", chat.Db.ConfigArg)).Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_official_broadcasts_from_the_chat_after_seeing_the_count_and_is_told_when_it_is_out()
    {
        await using var chat = await CampaignAsync();
        await chat.OnboardAsync("kadis", "0811 2000 0007", "official", "16.01", "Pak Kadis");
        await chat.OnboardAsync("kadis-bogor", "0811 3000 0007", "official", "32.01", "Pak Asep");
        Assert.StartsWith("Maaf, /siaran hanya untuk koordinator", StaffChat.Text(await chat.SayAsync("enum1", "/siaran pencacah Halo")), StringComparison.Ordinal);
        Assert.StartsWith("Cara mengirim siaran:", StaffChat.Text(await chat.SayAsync("kadis", "/siaran semua Halo")), StringComparison.Ordinal);

        var confirm = Assert.Single(await chat.SayAsync("kadis", "/siaran pencacah Rapat evaluasi besok pukul 09.00 di kantor dinas."));
        Assert.StartsWith("📣 Siaran ke 6 pencacah di Kabupaten Ogan Komering Ulu:\n\nRapat evaluasi besok pukul 09.00 di kantor dinas.\n\nKirim sekarang?", confirm.Text, StringComparison.Ordinal);
        Assert.Equal("📣 Kirim ke 6 orang", confirm.Options[0].Label);
        // Nothing goes before the button; another official cannot press it.
        await RunJobAsync(chat);
        Assert.Empty(chat.Received("enum1"));
        Assert.Equal("Siaran itu tidak ada, atau bukan Anda yang membuatnya.", StaffChat.Text(await chat.PressAsync("kadis-bogor", confirm.Options[0].Value)));

        Assert.StartsWith("✅ Siaran dijadwalkan", StaffChat.Text(await chat.PressAsync("kadis", confirm.Options[0].Value)), StringComparison.Ordinal);
        await RunJobAsync(chat);
        await RunJobAsync(chat);

        for (var i = 1; i <= 6; i++)
        {
            Assert.Equal("Rapat evaluasi besok pukul 09.00 di kantor dinas.", Assert.Single(chat.Received($"enum{i}")).Text);
        }

        Assert.Empty(chat.Received("bogor"));
        Assert.Equal("📣 Siaran Anda sudah dikirim ke 6 orang.", Assert.Single(chat.Received("kadis")).Text);
        Assert.Equal("Siaran yang sama sudah dikirim (atau sedang dikirim).", StaffChat.Text(await chat.PressAsync("kadis", confirm.Options[0].Value)));
    }

    private static async Task RunJobAsync(StaffChat chat)
    {
        await using (var scope = chat.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BroadcastJob>().RunPendingAsync(chat.Clock.GetUtcNow(), default);
        }

        await chat.Services.GetRequiredService<Bot.Messaging.OutboxDelivery>().FlushAsync();
    }

    [Fact]
    public async Task Owners_and_owners_with_an_unfinished_form_are_found_by_their_region()
    {
        await using var chat = await StaffChat.StartAsync();
        // Siti finished (her record is in OKU and she owns it); Budi stopped after naming the village; Ani before it.
        await OwnerRegistration.RunAsync(chat, "siti", "1601074508900001", "Warung Siti");
        await chat.SayAsync("budi", "/daftar");
        await chat.PressAsync("budi", "_consent=ya");
        await chat.SayAsync("ani", "/daftar");
        await using var scope = chat.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Bot.Storage.BotDbContext>();
        var siti = (await db.UmkmRecords.SingleAsync()).OwnerPersonId!.Value;

        Assert.Equal([siti], await BroadcastAudience.PeopleAsync(db, "owners", "16.01", default));
        Assert.Empty(await BroadcastAudience.PeopleAsync(db, "owners", "32.01", default));
        // Forms without a village yet belong to the country's audience only.
        Assert.Empty(await BroadcastAudience.PeopleAsync(db, "owners-unfinished", "16.01", default));
        Assert.Equal(2, (await BroadcastAudience.PeopleAsync(db, "owners-unfinished", "", default)).Count);
    }

}
