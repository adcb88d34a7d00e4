using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Hosting;

namespace PLKumkm.Bot.Tests.Owners;

/// <summary>An owner's /status, /ubah and "hapus data saya" in the console chat, on a real database.</summary>
public sealed class OwnerCommandsConsoleTests
{
    private static Task<string> ChatAsync(TestDatabase db, IEnumerable<string> lines) => ConsoleChat.RunAsync(db, lines, "owner");

    [Fact]
    public async Task Status_writes_the_time_the_way_each_language_does()
    {
        using var db = new TestDatabase();
        var output = await ChatAsync(db, [.. ConsoleChat.Registration, "/status", "/bahasa en", "/status"]);

        Assert.Matches(@"Terakhir diubah: \d{1,2} \w+ \d{4} \d\d\.\d\d WIB", output);
        Assert.Matches(@"Last change: \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} \d\d:\d\d WIB", output);
    }

    [Theory]
    [InlineData("ya")]
    [InlineData("Ya, hapus data saya")]
    [InlineData("iya")]
    public async Task After_hapus_data_saya_a_typed_yes_deletes_like_the_button(string yes)
    {
        using var db = new TestDatabase();
        var output = await ChatAsync(db, [.. ConsoleChat.Registration, "hapus data saya", yes]);

        Assert.Contains("sudah dihapus sekarang juga", output, StringComparison.Ordinal);
        await using var ctx = db.Open();
        Assert.Equal(RecordStatus.Withdrawn, (await ctx.UmkmRecords.SingleAsync()).Status);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes, delete my data")]
    public async Task In_English_a_typed_yes_deletes_too(string yes)
    {
        using var db = new TestDatabase();
        var output = await ChatAsync(db, [.. ConsoleChat.Registration, "/bahasa en", "delete my data", yes]);

        Assert.Contains("Your personal data has been deleted now", output, StringComparison.Ordinal);
        await using var ctx = db.Open();
        Assert.Equal(RecordStatus.Withdrawn, (await ctx.UmkmRecords.SingleAsync()).Status);
    }

    [Theory]
    [InlineData("tidak")]
    [InlineData("Tidak jadi")]
    public async Task A_typed_no_keeps_the_data_and_says_so(string no)
    {
        using var db = new TestDatabase();
        var output = await ChatAsync(db, [.. ConsoleChat.Registration, "hapus data saya", no]);

        Assert.Contains("tidak ada yang dihapus", output, StringComparison.Ordinal);
        await using var ctx = db.Open();
        Assert.Equal(RecordStatus.Active, (await ctx.UmkmRecords.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_yes_that_answers_nothing_says_that_nothing_happened()
    {
        using var db = new TestDatabase();
        var output = await ChatAsync(db, [.. ConsoleChat.Registration, "ya"]);

        Assert.Contains("Tidak ada yang sedang menunggu jawaban ya/tidak dari Anda, jadi tidak ada yang berubah.", output, StringComparison.Ordinal);
        await using var ctx = db.Open();
        Assert.Equal(RecordStatus.Active, (await ctx.UmkmRecords.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_yes_for_a_questionnaire_asked_after_the_withdrawal_question_never_deletes()
    {
        using var db = new TestDatabase();
        // The owner asked, then started a new registration instead: "ya" goes to that questionnaire.
        var output = await ChatAsync(db, [.. ConsoleChat.Registration, "hapus data saya", "/daftar", "ya"]);

        Assert.DoesNotContain("sudah dihapus", output, StringComparison.Ordinal);
        await using var ctx = db.Open();
        Assert.Equal(RecordStatus.Active, (await ctx.UmkmRecords.SingleAsync()).Status);
        Assert.True(await ctx.Sessions.AnyAsync(s => s.IsActive && s.QuestionnaireId == "umkm"));
    }

    [Fact]
    public async Task Owner_sees_corrects_and_deletes_their_business()
    {
        using var db = new TestDatabase();
        var output = await ChatAsync(db,
        [
            .. ConsoleChat.Registration,
            "/status",
            // /ubah lists the records as buttons; 1 picks the first, then 5 (business name) from the summary.
            "/ubah", "1", "5", "Warung Siti Jaya", "kirim",
            "/status",
            "hapus data saya", "1",
            "/status",
        ]);

        var sections = output.Split("Data Anda", StringSplitOptions.None);
        Assert.Equal(3, sections.Length);
        Assert.Contains("KUMKM-1601-000001 — Warung Bu Siti", sections[1]);
        // The owner sees their own NIK in full; nobody else ever does.
        Assert.Contains("NIK: 1601074508900001", sections[1]);
        Assert.Contains("Status: Aktif", sections[1]);
        Assert.Contains("Perbaikan data KUMKM-1601-000001", sections[1]);
        Assert.Contains("Omzet: Rp36.000.000 per tahun", sections[1]);
        Assert.Contains("Perbaikan data KUMKM-1601-000001 sudah tersimpan", sections[1]);
        Assert.Contains("KUMKM-1601-000001 — Warung Siti Jaya", sections[2]);
        Assert.Contains("sudah dihapus sekarang juga", sections[2]);
        Assert.Contains("Tidak dihitung lagi: KUMKM-1601-000001", sections[2]);
        // The chat is nobody's any more: writing again starts afresh, with nothing of the erased person.
        Assert.Contains("Belum ada data usaha atau koperasi yang Anda daftarkan sendiri", sections[2]);
        Assert.DoesNotContain("NIK:", sections[2].Split("sudah dihapus sekarang juga")[1]);

        await using var ctx = db.Open();
        var record = await ctx.UmkmRecords.SingleAsync();
        Assert.Equal(RecordStatus.Withdrawn, record.Status);
        Assert.Null(record.Nik);
        Assert.Null(record.NamaPemilik);
        Assert.Null(record.Hp);
        Assert.Equal(36_000_000, record.OmzetTahunan);

        var versions = await ctx.RecordVersions.Where(v => v.Kind == RecordKind.Umkm && v.RecordId == record.Id).OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        // The correction changed the name only (the yearly turnover was not annualised a second time) …
        var correction = RecordHistory.Read(versions[1]);
        Assert.Equal(["nama_usaha"], correction.Keys);
        // … and after the withdrawal the history still says what changed, but not what it was.
        Assert.Equal((RecordHistory.Erased, RecordHistory.Erased), correction["nama_usaha"]);
        Assert.Null(RecordHistory.Read(versions[0])["nik"].Old);
        Assert.Equal(RecordHistory.Erased, RecordHistory.Read(versions[0])["nik"].New);
        Assert.DoesNotContain(await RecordsTestDatabase.AllTextAsync(ctx), v => v.Contains("1601074508900001", StringComparison.Ordinal));
    }
}
