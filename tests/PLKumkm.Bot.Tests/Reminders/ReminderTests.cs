using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Digests;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Messaging.Commands;
using PLKumkm.Bot.Reminders;
using PLKumkm.Bot.Tests.Staff;

namespace PLKumkm.Bot.Tests.Reminders;

/// <summary>
/// Issue 17, item 3, over simulated days (half-hour steps): an unfinished form gets one reminder after 22 hours and a
/// last one after three days, never in quiet hours and never after /berhenti; a silent enumerator one per silent spell,
/// shown in the coordinator's digest.
/// </summary>
public sealed class ReminderTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static async Task<List<(DateTimeOffset At, OutboundMessage Message)>> RunAsync(StaffChat chat, string user, TimeSpan span,
        Func<DateTimeOffset, Task>? each = null)
    {
        var received = new List<(DateTimeOffset, OutboundMessage)>();
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += TimeSpan.FromMinutes(30))
        {
            chat.Clock.Advance(TimeSpan.FromMinutes(30));
            var local = chat.Clock.GetUtcNow().ToOffset(Wib);
            if (each is not null)
            {
                await each(local);
            }

            await using (var scope = chat.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ReminderSender>().SendDueAsync(chat.Clock.GetUtcNow(), deliver: true, default);
                await scope.ServiceProvider.GetRequiredService<DigestSender>().SendDueAsync(chat.Clock.GetUtcNow(), null, deliver: true, default);
            }

            await chat.Services.GetRequiredService<OutboxDelivery>().FlushAsync();
            received.AddRange(chat.Received(user).Select(m => (local, m)));
        }

        return received;
    }

    private static async Task StartFormAsync(StaffChat chat, string user)
    {
        await chat.SayAsync(user, "/daftar");
        await chat.PressAsync(user, "_consent=ya");
        await chat.SayAsync(user, "Siti Aminah");
    }

    [Fact]
    public async Task An_enumerators_unfinished_form_is_reminded_as_the_form_they_fill_in_for_a_business()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("rudi", "0811 2000 0001", "enumerator", "16.01", "Rudi");
        await StartFormAsync(chat, "rudi");

        var (_, first) = (await RunAsync(chat, "rudi", TimeSpan.FromDays(1))).Single();
        Assert.StartsWith("⏰ Pendaftaran UMKM yang Anda isi untuk sebuah usaha belum selesai:", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pendaftaran UMKM Anda", first.Text, StringComparison.Ordinal);
        Assert.Equal(["/start"], first.Options.Select(o => o.Value));
        Assert.Equal("⏰ Pendaftaran UMKM yang Anda isi untuk \"Warung Siti\" belum selesai: 5 dari 28 pertanyaan sudah dijawab, dan semuanya tersimpan. Lanjutkan sekarang? (Ini pengingat terakhir.) Tidak ingin diingatkan? Ketik /berhenti.",
            Bot.Reminders.ReminderTexts.OnBehalf("Pendaftaran UMKM", "Warung Siti", 5, 28, last: true).Id);
    }

    [Fact]
    public async Task An_enumerators_reminder_names_the_business_once_its_name_is_answered()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("rudi", "0811 2000 0001", "enumerator", "16.01", "Rudi");
        await StartFormAsync(chat, "rudi");
        await chat.SayAsync("rudi", "1601 0745 0890 0001");
        await chat.PressAsync("rudi", "jenis_kelamin=P");
        await chat.SayAsync("rudi", "0812 3456 7890");
        await chat.SayAsync("rudi", "Warung Siti");

        var (_, reminder) = (await RunAsync(chat, "rudi", TimeSpan.FromDays(1))).Single();
        Assert.StartsWith("⏰ Pendaftaran UMKM yang Anda isi untuk \"Warung Siti\" belum selesai: 5 dari 28 pertanyaan sudah dijawab",
            reminder.Text, StringComparison.Ordinal);
        Assert.Equal(["/start"], reminder.Options.Select(o => o.Value));
    }

    [Fact]
    public async Task An_unfinished_form_gets_one_reminder_after_a_day_and_a_last_one_after_three_then_none()
    {
        // 12 September 2022, 10:00 WIB.
        await using var chat = await StaffChat.StartAsync();
        await StartFormAsync(chat, "siti");

        var reminders = await RunAsync(chat, "siti", TimeSpan.FromDays(7));

        Assert.Equal(2, reminders.Count);
        var (firstAt, first) = reminders[0];
        Assert.Equal(new DateTimeOffset(2022, 9, 13, 8, 30, 0, Wib), firstAt);
        Assert.StartsWith("⏰ Pendaftaran UMKM Anda belum selesai:", first.Text, StringComparison.Ordinal);
        Assert.Contains("sudah dijawab, dan semuanya tersimpan. Lanjutkan sekarang?", first.Text, StringComparison.Ordinal);
        Assert.Equal(["/start"], first.Options.Select(o => o.Value));
        Assert.Equal(ReminderSender.Template, first.Template);
        var (lastAt, last) = reminders[1];
        Assert.Equal(new DateTimeOffset(2022, 9, 15, 10, 30, 0, Wib), lastAt);
        Assert.Contains("(Ini pengingat terakhir.)", last.Text, StringComparison.Ordinal);

        // The button resumes the form where it stopped.
        Assert.Contains("Kita lanjutkan dari pertanyaan terakhir", StaffChat.Text(await chat.PressAsync("siti", "/start")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_hours_hold_a_reminder_until_morning_and_berhenti_stops_them()
    {
        await using var chat = await StaffChat.StartAsync();
        // Last answer at 23:00 WIB: 22 hours later is 21:00 the next day, inside the quiet hours (21:00–07:00).
        chat.Clock.Advance(TimeSpan.FromHours(13));
        await StartFormAsync(chat, "siti");
        await StartFormAsync(chat, "budi");
        Assert.StartsWith("Baik, saya tidak akan mengirim pengingat maupun siaran/pengumuman lagi;", StaffChat.Text(await chat.SayAsync("budi", "/berhenti")), StringComparison.Ordinal);

        var siti = await RunAsync(chat, "siti", TimeSpan.FromDays(2));

        Assert.Equal(new DateTimeOffset(2022, 9, 14, 7, 0, 0, Wib), Assert.Single(siti).At);
        Assert.Empty(chat.Received("budi"));

        // Someone who stopped at the consent question is not told "0 questions answered".
        await chat.SayAsync("ani", "/daftar");
        var ani = Assert.Single(await RunAsync(chat, "ani", TimeSpan.FromDays(2))).Message.Text;
        Assert.StartsWith("⏰ Pendaftaran UMKM Anda belum dimulai: sekitar", ani, StringComparison.Ordinal);
        Assert.DoesNotContain("0 dari", ani, StringComparison.Ordinal);
        Assert.StartsWith("Pengingat dan siaran/pengumuman sudah dihentikan", StaffChat.Text(await chat.SayAsync("budi", "/berhenti")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_enumerator_is_reminded_once_per_silent_spell_and_the_coordinators_digest_says_so()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("coord", "0811 2000 0009", "coordinator", "16.01", "Bu Dewi");
        await chat.OnboardAsync("rudi", "0811 2000 0001", "enumerator", "16.01", "Rudi");
        await chat.SayAsync("coord", "/langganan 07.00");
        var digests = new List<string>();

        var rudi = await RunAsync(chat, "rudi", TimeSpan.FromDays(6), async local =>
        {
            digests.AddRange(chat.Received("coord").Select(m => m.Text));
            if (local is { Day: 15, Hour: 12, Minute: 0 })
            {
                // He sends one record on the 15th, then is silent again.
                await chat.SayAsync("rudi", "#umkm\nNIK: 1601071205850001\nNama: Pemilik\nUsaha: Warung Maju\nDesa: Sukaraya, Baturaja Timur\nKBLI: G\nOmzet: 3jt/bulan\nPekerja: 2");
            }
        });

        var reminders = rudi.Where(r => r.Message.Text.StartsWith("⏰", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.Equal(new DateTimeOffset(2022, 9, 14, 10, 30, 0, Wib), reminders[0].At);
        Assert.StartsWith("⏰ Halo Rudi, belum ada data dari Anda sejak Anda terdaftar.", reminders[0].Message.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2022, 9, 17, 12, 30, 0, Wib), reminders[1].At);
        Assert.StartsWith("⏰ Halo Rudi, belum ada data dari Anda sejak 15 September 2022.", reminders[1].Message.Text, StringComparison.Ordinal);
        Assert.Contains(digests, d => d.Contains("• Rudi — belum pernah mengirim, sudah diingatkan 14 September 2022", StringComparison.Ordinal));
    }
}
