using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>
/// Issue 4's "done when", over Telegram through the fake Bot API on 127.0.0.1: staff pre-registered with
/// <c>users add</c> are recognised by their own shared number, enter records in one message, see their
/// pace, and a coordinator reviews flagged records; every refusal holds.
/// </summary>
public sealed class TelegramStaffEndToEndTests
{
    private const long Enumerator = 880101;
    private const long Coordinator = 880202;
    private const long Stranger = 880303;

    private const string Entry = """
        #umkm
        NIK: 1601 0745 0890 0001
        Nama: Siti Aminah
        Usaha: Warung Siti
        HP: 0812 9999 0001
        Desa: Sukaraya, Baturaja Timur
        KBLI: G
        Omzet: 3jt/bulan
        Pekerja: 2
        """;

    private static async Task AddStaffAsync(TestDatabase db, string phone, string role, string name)
    {
        var error = new StringWriter();
        var exit = await BotCommandLine.Build()
            .Parse(["users", "add", "--phone", phone, "--role", role, "--region", "16.01", "--name", name, db.ConfigArg])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });
        Assert.True(exit == 0, error.ToString());
    }

    private static string Text(IReadOnlyList<SentMessage> messages) => TelegramBotSession.Text(messages);

    [Fact]
    public async Task Enumerator_and_coordinator_work_over_Telegram_and_strangers_get_nothing()
    {
        using var db = new TestDatabase();
        await AddStaffAsync(db, "0812 3456 7890", "enumerator", "Siti Aminah");
        await AddStaffAsync(db, "0813 1111 2222", "coordinator", "Budi Santoso");
        await using (var ctx = db.Open())
        {
            ctx.Targets.Add(new CampaignTarget
            {
                RegionCode = "16.01", Target = 42_000, Enumerators = 84, Coordinators = 6,
                Start = new DateOnly(2022, 4, 1), End = new DateOnly(2099, 12, 31), UpdatedAt = DateTimeOffset.UtcNow,
            });
            await ctx.SaveChangesAsync();
        }

        await using var bot = await TelegramBotSession.StartAsync(db);

        // A stranger's quick entry is refused; a forwarded contact of the enumerator grants nothing.
        Assert.StartsWith("Maaf, entri cepat (#umkm) hanya untuk", Text(await bot.SayAsync(Stranger, Entry)), StringComparison.Ordinal);
        var forwarded = await bot.AwaitAsync(Stranger, () => bot.Fake.EnqueueContact(Stranger, "+6281234567890", contactUserId: Enumerator));
        Assert.Contains("nomor HP Anda sendiri", Text(forwarded), StringComparison.Ordinal);
        var forwardedCard = await bot.AwaitAsync(Stranger, () => bot.Fake.EnqueueContact(Stranger, "+6281234567890", contactUserId: Stranger, forwarded: true));
        Assert.Contains("nomor HP Anda sendiri", Text(forwardedCard), StringComparison.Ordinal);
        Assert.StartsWith("Maaf", Text(await bot.SayAsync(Stranger, "/kinerja")), StringComparison.Ordinal);
        Assert.StartsWith("Maaf", Text(await bot.SayAsync(Stranger, "/tinjau")), StringComparison.Ordinal);

        // The enumerator asks how to sign in, shares their own number and is greeted by name and region.
        var petugas = await bot.SayAsync(Enumerator, "/petugas");
        Assert.Contains(petugas.SelectMany(m => m.KeyboardButtons), b => b.RequestContact);
        var welcome = await bot.AwaitAsync(Enumerator, () => bot.Fake.EnqueueContact(Enumerator, "6281234567890", contactUserId: Enumerator));
        Assert.StartsWith("Halo Siti Aminah, Anda terdaftar sebagai enumerator di Kabupaten Ogan Komering Ulu.", Text(welcome), StringComparison.Ordinal);
        Assert.Equal(["/cepat", "/kinerja"], welcome.SelectMany(m => m.InlineButtons).Select(b => b.CallbackData));

        // The template, then a valid entry: a KUMKM number at once.
        var template = await bot.PressAsync(Enumerator, "/cepat");
        Assert.StartsWith("#umkm\nNIK: ", template[^1].PlainText, StringComparison.Ordinal);
        Assert.Equal("✅ Tersimpan: KUMKM-1601-000001 — Warung Siti (Sukaraya), mikro", Text(await bot.SayAsync(Enumerator, Entry)));

        // A bad NIK: only the NIK error, nothing stored.
        var bad = Text(await bot.SayAsync(Enumerator, Entry.Replace("1601 0745 0890 0001", "1601 0745 0890", StringComparison.Ordinal)
            .Replace("Warung Siti", "Warung Lain", StringComparison.Ordinal)));
        Assert.Equal("❌ Belum disimpan. Perbaiki lalu kirim lagi seluruh pesannya:\n• NIK (baris 2): NIK harus 16 angka, Anda menulis 12. Contoh: 1601071205850001.", bad);

        // The same business again: one record, and the reply says so.
        Assert.StartsWith("✅ Diperbarui: KUMKM-1601-000001 (tidak dihitung dua kali)", Text(await bot.SayAsync(Enumerator, Entry)), StringComparison.Ordinal);

        // Another owner's business of the same name in the same village, and an implausible one: flagged.
        Assert.Contains("kemungkinan duplikat dari KUMKM-1601-000001", Text(await bot.SayAsync(Enumerator,
            Entry.Replace("1601 0745 0890 0001", "1601071205850001", StringComparison.Ordinal).Replace("Siti Aminah", "Ahmad", StringComparison.Ordinal))), StringComparison.Ordinal);
        Assert.Contains("tidak wajar: 900 pekerja", Text(await bot.SayAsync(Enumerator,
            "#umkm\nNIK: 1601071205850002\nNama: Joko\nUsaha: Kerupuk Joko\nDesa: Sukaraya\nKBLI: C\nOmzet: 3jt/bulan\nPekerja: 900")), StringComparison.Ordinal);

        await using (var ctx = db.Open())
        {
            var enumerator = await ctx.People.SingleAsync(p => p.Role == PersonRole.Enumerator);
            Assert.Equal("telegram:880101", (await ctx.PersonAddresses.SingleAsync(a => a.PersonId == enumerator.Id)).Address);
            var records = await ctx.UmkmRecords.OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(["KUMKM-1601-000001", "KUMKM-1601-000002", "KUMKM-1601-000003"], records.Select(r => r.RegistrationNumber));
            Assert.All(records, r => Assert.Equal(RecordSources.Enumerator, r.Sumber));
            Assert.All(records, r => Assert.Equal(enumerator.Id.ToString(CultureInfo.InvariantCulture), r.Enumerator));
            Assert.Equal("1601074508900001", records[0].Nik);
        }

        // Their pace matches what was sent: three records, all today.
        var kinerja = Text(await bot.SayAsync(Enumerator, "/kinerja"));
        Assert.Contains("📈 Kinerja Siti Aminah — Kabupaten Ogan Komering Ulu", kinerja, StringComparison.Ordinal);
        Assert.Contains("Hari ini: 3\n", kinerja, StringComparison.Ordinal);
        Assert.Contains("Total: 3\n", kinerja, StringComparison.Ordinal);
        Assert.Contains("Bagian target Anda: 500 (42.000 ÷ 84 enumerator) — 0,60%", kinerja, StringComparison.Ordinal);
        Assert.Contains("kurang 497, perlu", kinerja, StringComparison.Ordinal);
        Assert.StartsWith("Maaf, /tim hanya untuk koordinator", Text(await bot.SayAsync(Enumerator, "/tim")), StringComparison.Ordinal);

        // The coordinator signs in, sees the team and reviews: approve one, reject the other with a reason.
        var coordinatorWelcome = await bot.AwaitAsync(Coordinator, () => bot.Fake.EnqueueContact(Coordinator, "+62 813 1111 2222", contactUserId: Coordinator));
        Assert.StartsWith("Halo Budi Santoso, Anda terdaftar sebagai koordinator di Kabupaten Ogan Komering Ulu.", Text(coordinatorWelcome), StringComparison.Ordinal);
        var team = Text(await bot.SayAsync(Coordinator, "/tim"));
        Assert.Contains("1. Siti Aminah — 3 (hari ini 3)", team, StringComparison.Ordinal);
        Assert.Contains("Semua enumerator mengirim data", team, StringComparison.Ordinal);

        var card = await bot.PressAsync(Coordinator, "/tinjau");
        Assert.Contains("KUMKM-1601-000002 — Warung Siti", Text(card), StringComparison.Ordinal);
        Assert.Contains("NIK 1601********0001", Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain("1601071205850001", Text(card), StringComparison.Ordinal);
        var approve = card.SelectMany(m => m.InlineButtons).Single(b => b.Text.Contains("Setujui", StringComparison.Ordinal)).CallbackData!;
        var afterApprove = await bot.PressAsync(Coordinator, approve);
        Assert.Contains("✅ KUMKM-1601-000002 disetujui (tetap dihitung).", Text(afterApprove), StringComparison.Ordinal);
        Assert.Contains("KUMKM-1601-000003 — Kerupuk Joko", Text(afterApprove), StringComparison.Ordinal);

        var reject = afterApprove.SelectMany(m => m.InlineButtons).Single(b => b.Text.Contains("Tolak", StringComparison.Ordinal)).CallbackData!;
        var reasons = await bot.PressAsync(Coordinator, reject);
        var notMsme = reasons.SelectMany(m => m.InlineButtons).Single(b => b.Text == "bukan UMKM").CallbackData!;
        var afterReject = Text(await bot.PressAsync(Coordinator, notMsme));
        Assert.Contains("❌ KUMKM-1601-000003 ditolak: bukan UMKM (tidak dihitung).", afterReject, StringComparison.Ordinal);
        Assert.Contains("Tidak ada data yang perlu ditinjau", afterReject, StringComparison.Ordinal);

        await using (var ctx = db.Open())
        {
            var coordinator = await ctx.People.SingleAsync(p => p.Role == PersonRole.Coordinator);
            var decisions = await ctx.ReviewDecisions.OrderBy(d => d.Id).ToListAsync();
            Assert.Equal([ReviewOutcome.Approved, ReviewOutcome.Rejected], decisions.Select(d => d.Decision));
            Assert.All(decisions, d => Assert.Equal(coordinator.Id, d.DecidedByPersonId));
            Assert.Equal("bukan UMKM", decisions[1].Reason);
            var statuses = await ctx.UmkmRecords.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync();
            Assert.Equal([RecordStatus.Active, RecordStatus.Active, RecordStatus.Rejected], statuses);
            // The stranger is still nobody.
            var stranger = await ctx.PersonAddresses.Where(a => a.Address == "telegram:880303").Select(a => a.Person!).SingleAsync();
            Assert.Equal(PersonRole.Owner, stranger.Role);
        }

        // After the rejection /kinerja counts only what still counts.
        Assert.Contains("Total: 2\n", Text(await bot.SayAsync(Enumerator, "/kinerja")), StringComparison.Ordinal);
    }
}
