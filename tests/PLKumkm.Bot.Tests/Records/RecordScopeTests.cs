using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Staff;

namespace PLKumkm.Bot.Tests.Records;

/// <summary>
/// The attacks of the trust issue on records, through the real pipeline: nobody changes a record outside their scope,
/// a registration that matches someone else's record becomes a claim, and no reply names a record outside the asker's scope.
/// </summary>
public sealed class RecordScopeTests
{
    private const string Nik = "1601074508900001";

    /// <summary>An unowned record an OKU enumerator entered (also the erasure review's).</summary>
    internal const string OkuEntry = """
        #umkm
        NIK: 1601074508900001
        Nama: Siti Aminah
        Usaha: Warung Siti
        HP: 0813 9999 0000
        Desa: Sukaraya, Baturaja Timur
        KBLI: G
        Omzet: 3jt/bulan
        Pekerja: 2
        """;

    private const string BogorRewrite = """
        #umkm
        NIK: 1601074508900001
        Nama: Penyusup
        Usaha: Warung Siti
        HP: 0857 1111 2222
        Desa: 32.01.01.1001
        KBLI: G
        Omzet: 3jt/bulan
        Pekerja: 2
        """;

    private static async Task<StaffChat> WithTwoRegionsAsync()
    {
        var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("oku", "0811 2000 0001", "enumerator", "16.01", "Rudi");
        await chat.OnboardAsync("bogor", "0811 3000 0001", "enumerator", "32.01", "Asep");
        return chat;
    }

    [Fact]
    public async Task An_enumerator_of_another_regency_cannot_rewrite_or_move_a_record()
    {
        await using var chat = await WithTwoRegionsAsync();
        Assert.StartsWith("✅ Tersimpan: KUMKM-1601-000001", StaffChat.Text(await chat.SayAsync("oku", OkuEntry)), StringComparison.Ordinal);

        var reply = StaffChat.Text(await chat.SayAsync("bogor", BogorRewrite));

        Assert.StartsWith("❌ Tidak disimpan: usaha ini sudah terdaftar di Kabupaten Ogan Komering Ulu, di luar wilayah Anda.", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("KUMKM-1601", reply, StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        var record = await db.UmkmRecords.SingleAsync();
        Assert.Equal(("16.01.14.1005", "Siti Aminah", "+6281399990000"), (record.KodeDesa, record.NamaPemilik, record.Hp));
        Assert.Equal(1, await db.RecordVersions.CountAsync());
    }

    [Fact]
    public async Task An_enumerator_cannot_move_a_record_of_their_own_region_elsewhere()
    {
        await using var chat = await WithTwoRegionsAsync();
        await chat.SayAsync("oku", OkuEntry);

        // Same business, a village of another regency given by its code: refused (the quick entry reads villages inside
        // the enumerator's region), the record stays in OKU.
        var reply = StaffChat.Text(await chat.SayAsync("oku", OkuEntry.Replace("Sukaraya, Baturaja Timur", "32.01.01.1001", StringComparison.Ordinal)));

        Assert.StartsWith("❌", reply, StringComparison.Ordinal);
        Assert.Contains("Desa", reply, StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        Assert.Equal("16.01", (await db.UmkmRecords.SingleAsync()).KodeKabupaten);
    }

    [Fact]
    public async Task A_cooperative_of_another_regency_is_not_changed_through_its_legal_entity_number()
    {
        const string Koperasi = """
            #koperasi
            Nama: KSP Maju Bersama
            No BH: AHU-0001234.AH.01.26.TAHUN 2020
            Jenis: simpan pinjam
            Desa: Sukaraya, Baturaja Timur
            KBLI: K
            Anggota L: 120
            Anggota P: 85
            """;
        await using var chat = await WithTwoRegionsAsync();
        Assert.StartsWith("✅ Tersimpan: KOP-1601-000001", StaffChat.Text(await chat.SayAsync("oku", Koperasi)), StringComparison.Ordinal);

        var reply = StaffChat.Text(await chat.SayAsync("bogor", Koperasi
            .Replace("KSP Maju Bersama", "KSP Milik Saya", StringComparison.Ordinal)
            .Replace("Sukaraya, Baturaja Timur", "32.01.01.1001", StringComparison.Ordinal)));

        Assert.StartsWith("❌ Tidak disimpan: usaha ini sudah terdaftar di Kabupaten Ogan Komering Ulu", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("KOP-1601", reply, StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        var cooperative = await db.KoperasiRecords.SingleAsync();
        Assert.Equal(("KSP Maju Bersama", "16.01"), (cooperative.NamaKoperasi, cooperative.KodeKabupaten));
    }

    [Fact]
    public async Task A_stranger_registering_an_enumerator_entered_business_only_makes_a_claim_a_coordinator_decides()
    {
        await using var chat = await WithTwoRegionsAsync();
        await chat.OnboardAsync("coord", "0811 2000 0009", "coordinator", "16.01", "Bu Koordinator");
        await chat.SayAsync("oku", OkuEntry);

        var reply = await OwnerRegistration.RunAsync(chat, "stranger", Nik, "Warung Siti", name: "Orang Lain");

        Assert.Contains(WriteRefusalTexts.Claim.Id, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("KUMKM-1601", reply, StringComparison.Ordinal);
        var status = StaffChat.Text(await chat.SayAsync("stranger", "/status"));
        Assert.DoesNotContain("KUMKM-1601", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Warung Siti", status, StringComparison.Ordinal);
        long strangerId;
        await using (var db = chat.Db.Open())
        {
            var record = await db.UmkmRecords.SingleAsync();
            Assert.Null(record.OwnerPersonId);
            Assert.Equal(("Siti Aminah", "+6281399990000"), (record.NamaPemilik, record.Hp));
            Assert.Equal(1, await db.RecordVersions.CountAsync());
            var claim = await db.RecordClaims.SingleAsync();
            strangerId = claim.ClaimantPersonId;
            Assert.Equal((RecordKind.Umkm, record.Id, ClaimStatus.Open, "16.01"), (claim.Kind, claim.RecordId, claim.Status, claim.KodeKabupaten));
        }

        // The Bogor enumerator's region has nothing to review; OKU's coordinator sees the claim first.
        var card = Assert.Single(await chat.SayAsync("coord", "/tinjau"));
        Assert.Contains("Klaim pemilik", card.Text, StringComparison.Ordinal);
        Assert.Contains("Orang Lain", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Nik, card.Text, StringComparison.Ordinal);
        var decided = StaffChat.Text(await chat.PressAsync("coord", card.Options[0].Value));
        Assert.Contains("Klaim disetujui: KUMKM-1601-000001", decided, StringComparison.Ordinal);

        var told = StaffChat.Text(await chat.SayAsync("stranger", "/status"));
        Assert.Contains("KUMKM-1601-000001", told, StringComparison.Ordinal);
        await using (var db = chat.Db.Open())
        {
            var record = await db.UmkmRecords.SingleAsync();
            Assert.Equal(strangerId, record.OwnerPersonId);
            Assert.Equal("Orang Lain", record.NamaPemilik);
            var claim = await db.RecordClaims.SingleAsync();
            Assert.Equal(ClaimStatus.Approved, claim.Status);
            Assert.Null(claim.AnswersJson);
        }
    }

    [Fact]
    public async Task A_claim_on_a_record_withdrawn_since_is_closed_without_giving_it_to_anyone()
    {
        await using var chat = await WithTwoRegionsAsync();
        await chat.OnboardAsync("coord", "0811 2000 0009", "coordinator", "16.01", "Bu Koordinator");
        await chat.SayAsync("oku", OkuEntry);
        await OwnerRegistration.RunAsync(chat, "stranger", Nik, "Warung Siti", name: "Orang Lain");
        var card = Assert.Single(await chat.SayAsync("coord", "/tinjau"));
        await using (var db = chat.Db.Open())
        {
            var record = await db.UmkmRecords.SingleAsync();
            record.Status = RecordStatus.Withdrawn;
            await db.SaveChangesAsync();
        }

        var decided = StaffChat.Text(await chat.PressAsync("coord", card.Options[0].Value));

        Assert.Contains("ditutup tanpa perubahan", decided, StringComparison.Ordinal);
        Assert.DoesNotContain("Klaim disetujui", decided, StringComparison.Ordinal);
        await using (var db = chat.Db.Open())
        {
            var record = await db.UmkmRecords.SingleAsync();
            Assert.Null(record.OwnerPersonId);
            Assert.Equal(("Siti Aminah", RecordStatus.Withdrawn), (record.NamaPemilik, record.Status));
            Assert.Equal(ClaimStatus.Rejected, (await db.RecordClaims.SingleAsync()).Status);
        }
    }

    [Fact]
    public async Task A_record_with_an_owner_is_never_overwritten_by_someone_else_s_registration()
    {
        await using var chat = await StaffChat.StartAsync();
        Assert.Contains("KUMKM-1601-000001", await OwnerRegistration.RunAsync(chat, "siti", Nik, "Warung Siti"), StringComparison.Ordinal);

        var reply = await OwnerRegistration.RunAsync(chat, "stranger", Nik, "Warung Siti", name: "Orang Lain", phone: "0857 1111 2222");

        Assert.Contains(WriteRefusalTexts.Claim.Id, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("KUMKM-1601", reply, StringComparison.Ordinal);
        Assert.Contains("KUMKM-1601-000001", StaffChat.Text(await chat.SayAsync("siti", "/status")), StringComparison.Ordinal);
        Assert.DoesNotContain("KUMKM-1601", StaffChat.Text(await chat.SayAsync("stranger", "/status")), StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        var record = await db.UmkmRecords.SingleAsync();
        Assert.Equal(("Siti Aminah", "+6281234567890"), (record.NamaPemilik, record.Hp));
        Assert.Equal(1, await db.RecordClaims.CountAsync());
    }

    [Fact]
    public async Task An_owner_whose_proven_phone_is_on_an_enumerator_entered_record_becomes_its_owner()
    {
        await using var chat = await WithTwoRegionsAsync();
        await chat.SayAsync("oku", OkuEntry);
        // Their own contact, shared with the button (Telegram proves it).
        await chat.ShareContactAsync("siti", "0813 9999 0000");

        var reply = await OwnerRegistration.RunAsync(chat, "siti", Nik, "Warung Siti", phone: "0813 9999 0000");

        Assert.Contains("KUMKM-1601-000001", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(WriteRefusalTexts.Claim.Id, reply, StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        var record = await db.UmkmRecords.SingleAsync();
        var siti = await db.PersonAddresses.Where(a => a.Address == "test:siti").Select(a => a.PersonId).SingleAsync();
        Assert.Equal(siti, record.OwnerPersonId);
        Assert.Empty(await db.RecordClaims.ToListAsync());
    }

    [Fact]
    public async Task A_typed_phone_that_matches_the_record_does_not_link_it()
    {
        await using var chat = await WithTwoRegionsAsync();
        await chat.SayAsync("oku", OkuEntry);

        // The record's phone typed as an answer proves nothing.
        var reply = await OwnerRegistration.RunAsync(chat, "someone", Nik, "Warung Siti", phone: "0813 9999 0000");

        Assert.Contains(WriteRefusalTexts.Claim.Id, reply, StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        Assert.Null((await db.UmkmRecords.SingleAsync()).OwnerPersonId);
    }

    [Fact]
    public async Task Flag_reasons_name_a_record_of_another_region_only_by_its_region()
    {
        await using var chat = await WithTwoRegionsAsync();
        await chat.SayAsync("bogor", BogorRewrite.Replace("NIK: 1601074508900001", "NIK: 3201014508900002\nNIB: 9120001234567", StringComparison.Ordinal));

        var reply = StaffChat.Text(await chat.SayAsync("oku", OkuEntry.Replace("Pekerja: 2", "Pekerja: 2\nNIB: 9120001234567", StringComparison.Ordinal)));

        Assert.Contains("NIB sudah dipakai usaha lain di kabupaten/kota 32.01", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("KUMKM-3201", reply, StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        Assert.DoesNotContain("KUMKM-3201", (await db.UmkmRecords.SingleAsync(r => r.KodeKabupaten == "16.01")).FlagReason, StringComparison.Ordinal);
    }
}
