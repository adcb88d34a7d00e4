using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Records;

namespace PLKumkm.Bot.Tests.Staff.Review;

/// <summary>
/// An owner withdraws consent, and a record an enumerator entered with her NIK but another phone is not known to be
/// hers: the regency's coordinators are told, decide it in /tinjau before the 3×24-hour deadline, and she is told the
/// outcome, without the record being named to her.
/// </summary>
public sealed class ErasureReviewTests
{
    private const string Nik = "1601074508900001";

    /// <summary>The record entered, Siti's own registration of it (a claim), and her withdrawal: one request open.</summary>
    private static async Task<(StaffChat Chat, long RequestId, string Withdrawal)> WithdrawnAsync()
    {
        var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("coord", "0811 2000 0009", "coordinator", "16.01", "Bu Koordinator");
        await chat.OnboardAsync("other", "0811 2000 0008", "coordinator", "16.03", "Koordinator Lain");
        await chat.OnboardAsync("oku", "0811 2000 0001", "enumerator", "16.01", "Rudi");
        Assert.StartsWith("✅ Tersimpan: KUMKM-1601-000001", StaffChat.Text(await chat.SayAsync("oku", RecordScopeTests.OkuEntry)), StringComparison.Ordinal);
        await OwnerRegistration.RunAsync(chat, "siti", Nik, "Warung Siti");
        await chat.SayAsync("siti", "hapus data saya");
        var withdrawal = StaffChat.Text(await chat.PressAsync("siti", "/hapus ya"));
        await using var db = chat.Db.Open();
        var request = await db.ErasureRequests.SingleAsync();
        return (chat, request.Id, withdrawal);
    }

    [Fact]
    public async Task The_coordinator_is_told_sees_the_deadline_and_erases_and_the_requester_learns_it()
    {
        var (chat, requestId, withdrawal) = await WithdrawnAsync();
        await using var _ = chat;

        Assert.Contains("⏳ 1 data lain memuat NIK Anda", withdrawal, StringComparison.Ordinal);
        Assert.Contains("paling lambat diputuskan 15 September 2022 10.00 WIB", withdrawal, StringComparison.Ordinal);
        Assert.DoesNotContain("KUMKM-1601-000001", withdrawal, StringComparison.Ordinal);
        // OKU's coordinator hears of it at once (the other regency's does not).
        var notice = Assert.Single(chat.Received("coord"));
        Assert.Contains("Permintaan hapus data baru di Kabupaten Ogan Komering Ulu: 1 data", notice.Text, StringComparison.Ordinal);
        Assert.Contains("paling lambat 15 September 2022 10.00 WIB", notice.Text, StringComparison.Ordinal);
        Assert.Empty(chat.Received("other"));

        // The other regency neither sees nor decides it.
        Assert.StartsWith("✅ Tidak ada data yang perlu ditinjau", StaffChat.Text(await chat.SayAsync("other", "/tinjau")), StringComparison.Ordinal);
        Assert.Equal("Permintaan hapus data itu tidak ada di wilayah Anda.", StaffChat.Text(await chat.SayAsync("other", $"/tinjau setuju hapus {requestId}")));

        // The enumerator's record had a photo of the shop: its file goes with the record's personal values.
        var store = new Bot.Media.MediaStore(chat.Db.MediaFolder, 1024 * 1024);
        var photo = (await store.SaveAsync((s, ct) => s.WriteAsync(Fakes.FakeMedia.Jpeg("Warung Siti"), ct).AsTask(), default)).Reference;
        await using (var ctx = chat.Db.Open())
        {
            await ctx.UmkmRecords.ExecuteUpdateAsync(r => r.SetProperty(x => x.Foto, photo.ToString()));
        }

        chat.Clock.Advance(TimeSpan.FromHours(5));
        var card = Assert.Single(await chat.SayAsync("coord", "/tinjau"));
        Assert.Contains("🗑 Permintaan hapus data (1 menunggu)", card.Text, StringComparison.Ordinal);
        Assert.Contains("*KUMKM-1601-000001* — Warung Siti (Sukaraya)", card.Text, StringComparison.Ordinal);
        Assert.Contains("HP di data: +6281399990000", card.Text, StringComparison.Ordinal);
        Assert.Contains("Diterima 12 September 2022 10.00 WIB. Batas: 15 September 2022 10.00 WIB (sisa 67 jam)", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Nik, card.Text, StringComparison.Ordinal);
        Assert.Equal([$"/tinjau setuju hapus {requestId}", $"/tinjau tolak hapus {requestId}"], card.Options.Select(o => o.Value));

        var erased = await chat.PressAsync("coord", card.Options[0].Value);
        Assert.Equal("🗑 KUMKM-1601-000001: data pribadinya sudah dihapus dan tidak dihitung lagi. Peminta sudah diberi tahu.", erased[0].Text);
        Assert.StartsWith("✅ Tidak ada data yang perlu ditinjau", erased[1].Text, StringComparison.Ordinal);
        var told = Assert.Single(chat.Received("siti"));
        Assert.StartsWith("✅ Koordinator sudah memeriksa data lain yang memuat NIK Anda: data pribadinya sudah dihapus", told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("KUMKM", told.Text, StringComparison.Ordinal);
        Assert.Equal("Permintaan itu sudah diputuskan: datanya sudah dihapus.", StaffChat.Text(await chat.SayAsync("coord", $"/tinjau setuju hapus {requestId}"))
            .Split('\n')[0]);

        await using var db = chat.Db.Open();
        var record = await db.UmkmRecords.SingleAsync();
        Assert.Equal((RecordStatus.Withdrawn, null, null, null), (record.Status, record.Nik, record.NamaPemilik, record.Foto));
        Assert.False(store.Exists(photo));
        var request = await db.ErasureRequests.SingleAsync();
        Assert.Equal((ErasureStatus.Erased, null), (request.Status, request.ReplyAddress));
        Assert.NotNull(request.DecidedByPersonId);
        var last = await db.RecordVersions.Where(v => v.RecordId == record.Id).OrderBy(v => v.Version).LastAsync();
        Assert.Equal(RecordHistory.ReviewSource, last.Source);
        // Her name, her business's name and the record's phone are nowhere: not in the record, its history, the
        // coordinator's card nor the notice to her (deleted once delivered).
        var everything = await RecordsTestDatabase.AllTextAsync(db);
        foreach (var personal in new[] { "Siti Aminah", "Warung Siti", "6281399990000", "siti" })
        {
            Assert.DoesNotContain(everything, v => v.Contains(personal, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_declined_request_needs_a_reason_which_the_requester_is_told_and_an_overdue_one_says_so()
    {
        var (chat, requestId, _) = await WithdrawnAsync();
        await using var _ = chat;
        chat.Received("coord");

        chat.Clock.Advance(TimeSpan.FromHours(80));
        var card = Assert.Single(await chat.SayAsync("coord", "/tinjau"));
        Assert.Contains("⚠️ LEWAT BATAS sejak 15 September 2022 10.00 WIB", card.Text, StringComparison.Ordinal);

        var why = Assert.Single(await chat.PressAsync("coord", card.Options[1].Value));
        Assert.StartsWith("Mengapa permintaan hapus data KUMKM-1601-000001 ditolak?", why.Text, StringComparison.Ordinal);
        Assert.Equal($"/tinjau tolak hapus {requestId} bukan data peminta", why.Options[0].Value);
        Assert.Empty(chat.Received("siti"));

        var declined = await chat.PressAsync("coord", why.Options[0].Value);
        Assert.Equal("✋ Permintaan hapus data KUMKM-1601-000001 ditolak: bukan data peminta. Data tetap disimpan; peminta sudah diberi tahu.", declined[0].Text);
        var told = Assert.Single(chat.Received("siti"));
        Assert.Equal(
            "Koordinator sudah memeriksa data lain yang memuat NIK Anda dan tidak menghapusnya: bukan data peminta. Jika ini keliru, hubungi koordinator PL-KUMKM di wilayah Anda.",
            told.Text);
        Assert.Equal("Permintaan itu sudah ditolak.", StaffChat.Text(await chat.SayAsync("coord", $"/tinjau setuju hapus {requestId}")).Split('\n')[0]);

        await using var db = chat.Db.Open();
        var record = await db.UmkmRecords.SingleAsync();
        Assert.Equal((RecordStatus.Active, "Siti Aminah"), (record.Status, record.NamaPemilik));
        var request = await db.ErasureRequests.SingleAsync();
        Assert.Equal((ErasureStatus.Declined, "bukan data peminta", null), (request.Status, request.Reason, request.ReplyAddress));
    }

    [Fact]
    public async Task A_request_whose_record_is_gone_already_closes_itself_and_the_requester_is_told()
    {
        var (chat, _, _) = await WithdrawnAsync();
        await using var _ = chat;
        await using (var db = chat.Db.Open())
        {
            var record = await db.UmkmRecords.SingleAsync();
            record.Status = RecordStatus.Withdrawn;
            await db.SaveChangesAsync();
        }

        Assert.StartsWith("✅ Tidak ada data yang perlu ditinjau", StaffChat.Text(await chat.SayAsync("coord", "/tinjau")).Split('\n')[^1], StringComparison.Ordinal);
        Assert.Contains("data pribadinya sudah dihapus", StaffChat.Text(chat.Received("siti")), StringComparison.Ordinal);
        await using var check = chat.Db.Open();
        Assert.Equal(ErasureStatus.Erased, (await check.ErasureRequests.SingleAsync()).Status);
    }
}
