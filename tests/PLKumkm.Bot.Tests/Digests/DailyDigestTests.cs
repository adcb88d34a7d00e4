using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Digests;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Staff;

namespace PLKumkm.Bot.Tests.Digests;

/// <summary>
/// Issue 17, item 2: coordinators and officials subscribe to a daily digest at a local hour; a month of simulated days
/// (the clock moved by half hours) brings exactly one digest a day each, at their hour, also when two passes race.
/// </summary>
public sealed class DailyDigestTests
{
    private static string Entry(int n) =>
        $"#umkm\nNIK: 16010712058500{n:00}\nNama: Pemilik {n}\nUsaha: Warung {n}\nDesa: Sukaraya, Baturaja Timur\nKBLI: G\nOmzet: 3jt/bulan\nPekerja: 2";

    private static async Task<StaffChat> CampaignAsync()
    {
        var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("coord", "0811 2000 0009", "coordinator", "16.01", "Bu Dewi");
        await chat.OnboardAsync("pejabat", "0811 2000 0007", "official", "16", "Pak Kadis");
        await chat.OnboardAsync("rudi", "0811 2000 0001", "enumerator", "16.01", "Rudi");
        await chat.OnboardAsync("sari", "0811 2000 0002", "enumerator", "16.01", "Sari");
        await using var db = chat.Db.Open();
        db.Targets.Add(new CampaignTarget
        {
            RegionCode = "16.01", Target = 42_000, Enumerators = 84, Coordinators = 6,
            Start = new DateOnly(2022, 4, 1), End = new DateOnly(2022, 10, 31), UpdatedAt = chat.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return chat;
    }

    private static async Task<int> SendDueAsync(StaffChat chat)
    {
        await using var scope = chat.Services.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<DigestSender>().SendDueAsync(chat.Clock.GetUtcNow(), null, deliver: true, default);
        await chat.Services.GetRequiredService<OutboxDelivery>().FlushAsync();
        return sent;
    }

    [Fact]
    public async Task A_month_of_days_brings_one_digest_a_day_at_each_subscribers_local_hour()
    {
        await using var chat = await CampaignAsync();
        Assert.StartsWith("✅ Anda berlangganan ringkasan harian Kabupaten Ogan Komering Ulu, setiap hari pukul 07.00 WIB",
            StaffChat.Text(await chat.SayAsync("coord", "/langganan")), StringComparison.Ordinal);
        var official = StaffChat.Text(await chat.SayAsync("pejabat", "/langganan 18.30"));
        Assert.StartsWith("✅ Anda berlangganan ringkasan harian Provinsi Sumatera Selatan, setiap hari pukul 18.30 WIB", official, StringComparison.Ordinal);
        Assert.Contains("Yang pertama hari ini pukul 18.30.", official, StringComparison.Ordinal);
        Assert.StartsWith("Ringkasan harian hanya untuk koordinator", StaffChat.Text(await chat.SayAsync("rudi", "/langganan")), StringComparison.Ordinal);
        Assert.StartsWith("\"jam 25\" bukan jam", StaffChat.Text(await chat.SayAsync("pejabat", "/langganan jam 25")), StringComparison.Ordinal);

        var received = new Dictionary<string, List<(DateTimeOffset At, string Text)>> { ["coord"] = [], ["pejabat"] = [] };
        var wib = TimeSpan.FromHours(7);
        var entries = 0;
        for (var step = 0; step < 30 * 48; step++)
        {
            chat.Clock.Advance(TimeSpan.FromMinutes(30));
            var local = chat.Clock.GetUtcNow().ToOffset(wib);
            if (local.Hour == 11 && local.Minute == 0)
            {
                // Rudi sends one record every day; Sari never does.
                await chat.SayAsync("rudi", Entry(++entries));
            }

            await SendDueAsync(chat);
            foreach (var user in received.Keys)
            {
                received[user].AddRange(chat.Received(user).Select(m => (local, m.Text)));
            }
        }

        Assert.Equal(30, received["coord"].Count);
        Assert.All(received["coord"], r => Assert.Equal((7, 0), (r.At.Hour, r.At.Minute)));
        Assert.Equal(30, received["coord"].Select(r => r.At.Date).Distinct().Count());
        Assert.Equal(30, received["pejabat"].Count);
        Assert.All(received["pejabat"], r => Assert.Equal((18, 30), (r.At.Hour, r.At.Minute)));

        var first = received["coord"][0].Text;
        Assert.StartsWith("☀️ Ringkasan harian, 13 September 2022", first, StringComparison.Ordinal);
        Assert.Contains("*Progres Kabupaten Ogan Komering Ulu*\nPer kemarin, 12 September 2022, pukul 24.00 WIB", first, StringComparison.Ordinal);
        Assert.Contains("Peringkat 1 dari 1 di Sumatera Selatan", first, StringComparison.Ordinal);
        // Rudi sent on the 12th, so only Sari is listed.
        Assert.Contains("⏸ Tidak mengirim 2 hari atau lebih (1):\n• Sari — belum pernah mengirim", first, StringComparison.Ordinal);
        Assert.EndsWith("Ubah jam: /langganan 18.00 · Berhenti: /berhenti", first, StringComparison.Ordinal);
        // Rudi is never silent; Sari always is.
        var later = received["coord"][^1].Text;
        Assert.DoesNotContain("• Rudi", later, StringComparison.Ordinal);
        Assert.Contains("• Sari — belum pernah mengirim", later, StringComparison.Ordinal);
        Assert.Contains("Laju 7 hari terakhir:", later, StringComparison.Ordinal);
        // The official's digest is about the province, without a team list.
        Assert.Contains("*Progres Provinsi Sumatera Selatan*", received["pejabat"][0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("⏸", received["pejabat"][0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_passes_at_once_send_one_digest_and_berhenti_stops_them()
    {
        await using var chat = await CampaignAsync();
        // 12 September 10:00 WIB: today's 07.00 has passed, so the first digest is tomorrow's.
        Assert.Contains("Yang pertama besok pukul 07.00.", StaffChat.Text(await chat.SayAsync("coord", "/langganan 07.00")), StringComparison.Ordinal);
        Assert.Equal(0, await SendDueAsync(chat));
        chat.Clock.Advance(TimeSpan.FromDays(1));
        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendDueAsync(chat)));

        Assert.Equal(1, passes.Sum());
        Assert.Single(chat.Received("coord"));
        Assert.Equal(0, await SendDueAsync(chat));

        Assert.StartsWith("Baik, ringkasan harian, pengingat dan siaran/pengumuman dihentikan;", StaffChat.Text(await chat.SayAsync("coord", "/berhenti")), StringComparison.Ordinal);
        chat.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await SendDueAsync(chat));
        Assert.Empty(chat.Received("coord"));
        Assert.StartsWith("Pengingat dan siaran/pengumuman sudah dihentikan dan Anda tidak berlangganan", StaffChat.Text(await chat.SayAsync("coord", "/berhenti")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digests_send_verb_stores_the_digests_of_a_day_once()
    {
        await using var chat = await CampaignAsync();
        await chat.SayAsync("coord", "/langganan 21.00");
        await using (var db = chat.Db.Open())
        {
            Assert.Equal(21 * 60, (await db.DigestSubscriptions.SingleAsync()).LocalMinute);
        }

        Assert.Equal((1, "", "error: --date wants a date as YYYY-MM-DD, not '13/9/2022'\n"), await Cli.RunAsync("digests", "send", "--date", "13/9/2022", chat.Db.ConfigArg));
        Assert.Equal((0, "digests: 1 stored; the running bot delivers them within seconds\n", ""),
            await Cli.RunAsync("digests", "send", "--date", "2099-09-13", chat.Db.ConfigArg));
        Assert.Equal((0, "digests: none due\n", ""), await Cli.RunAsync("digests", "send", "--date", "2099-09-13", chat.Db.ConfigArg));
        await using var check = chat.Db.Open();
        Assert.Equal(1, await check.Outbox.CountAsync(o => o.SentAt == null));
    }

}
