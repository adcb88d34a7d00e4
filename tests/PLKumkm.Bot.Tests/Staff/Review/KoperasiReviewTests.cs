using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Staff.Review;

/// <summary>/tinjau on flagged cooperatives, beside flagged UMKM records (the ids of the two kinds overlap on purpose).</summary>
public sealed class KoperasiReviewTests
{
    private static string Koperasi(string number, string officer, string phone, string name = "KSP Maju Bersama", string? nib = null) => $"""
        #koperasi
        Nama: {name}
        No BH: {number}
        Tgl BH: 12/3/2015
        Jenis: simpan pinjam
        Desa: Sukaraya, Baturaja Timur
        KBLI: K
        Anggota L: 120
        Anggota P: 85
        Volume: 850jt
        Pengurus: {officer}
        Jabatan: ketua
        HP: {phone}
        """ + (nib is null ? "" : $"\nNIB: {nib}");

    private static string Umkm(int n) =>
        $"#umkm\nNIK: 16010712058500{n:00}\nNama: Pemilik {n}\nUsaha: Warung Siti\nDesa: Sukaraya\nKBLI: G\nOmzet: 3jt/bulan\nPekerja: 2";

    [Fact]
    public async Task Tinjau_shows_flagged_cooperatives_oldest_first_and_approves_or_rejects_them()
    {
        // Cooperatives an hour before the UMKM records: they come first.
        await using var chat = await StaffChat.StartAsync(StaffChat.DefaultNow.AddHours(-1));
        var coordinator = await chat.AddStaffAsync("0811 2000 0009", "coordinator", "16.01", "Dewi");
        await chat.ShareContactAsync("coord", "0811 2000 0009");
        await chat.OnboardAsync("other", "0811 2000 0008", "coordinator", "16.03", "Koordinator Lain");
        await chat.OnboardAsync("rudi", "0811 2000 0001", "enumerator", "16.01", "Rudi");

        await chat.SayAsync("rudi", Koperasi("AHU-0001234.AH.01.26.TAHUN 2020", "Hj. Siti Rahmawati", "0813 7777 8888"));
        var flagged = StaffChat.Text(await chat.SayAsync("rudi", Koperasi("AHU-0009999.AH.01.26.TAHUN 2021", "Budi Santoso", "0813 5555 6666")));
        Assert.Contains("KOP-1601-000002", flagged, StringComparison.Ordinal);
        await chat.SayAsync("rudi", Koperasi("AHU-0007777.AH.01.26.TAHUN 2022", "Ahmad Yani", "0813 4444 3333"));
        chat.Clock.SetUtcNow(StaffChat.DefaultNow);
        await chat.SayAsync("rudi", Umkm(1));
        await chat.SayAsync("rudi", Umkm(2));

        await using var db = chat.Db.Open();
        var kop = await db.KoperasiRecords.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        var umkm = await db.UmkmRecords.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        Assert.Equal([RecordStatus.Active, RecordStatus.Flagged, RecordStatus.Flagged], await db.KoperasiRecords.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync());
        Assert.Equal(3, await db.DailyCounts.Where(c => c.Kind == RecordKind.Koperasi).SumAsync(c => c.Count));

        // Another region's coordinator neither sees nor decides them.
        Assert.StartsWith("✅ Tidak ada data yang perlu ditinjau di Kabupaten Muara Enim", StaffChat.Text(await chat.SayAsync("other", "/tinjau")), StringComparison.Ordinal);
        Assert.Equal("Data itu tidak ada di wilayah Anda.", StaffChat.Text(await chat.SayAsync("other", $"/tinjau setuju kop {kop[1]}")));
        Assert.Equal("Data itu tidak ada di wilayah Anda.", StaffChat.Text(await chat.SayAsync("other", $"/tinjau tolak kop {kop[2]} duplikat")));

        var card = Assert.Single(await chat.SayAsync("coord", "/tinjau"));
        Assert.Contains("🔎 Perlu ditinjau (3 menunggu)", card.Text, StringComparison.Ordinal);
        Assert.Contains("*KOP-1601-000002* — KSP Maju Bersama (koperasi)", card.Text, StringComparison.Ordinal);
        Assert.Contains("Pengurus: Budi Santoso (Ketua)", card.Text, StringComparison.Ordinal);
        Assert.Contains("No. badan hukum: AHU-0009999.AH.01.26.TAHUN 2021", card.Text, StringComparison.Ordinal);
        Assert.Contains("Desa: Sukaraya (Kecamatan Baturaja Timur)", card.Text, StringComparison.Ordinal);
        Assert.Contains("KBLI K · 205 anggota · volume Rp850.000.000/th", card.Text, StringComparison.Ordinal);
        Assert.Contains("Dikirim 12 September 2022 oleh Rudi (enumerator)", card.Text, StringComparison.Ordinal);
        Assert.Contains("Alasan: nama dan desa sama dengan KOP-1601-000001, nomor badan hukum berbeda", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("NIK", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("5555", card.Text, StringComparison.Ordinal);
        Assert.Equal([$"/tinjau setuju kop {kop[1]}", $"/tinjau tolak kop {kop[1]}"], card.Options.Select(o => o.Value));

        // Approve (button press) → counted and active; the other cooperative follows.
        var approved = await chat.PressAsync("coord", $"/tinjau setuju kop {kop[1]}");
        Assert.Equal("✅ KOP-1601-000002 disetujui (tetap dihitung).", approved[0].Text);
        Assert.Contains("🔎 Perlu ditinjau (2 menunggu)", approved[1].Text, StringComparison.Ordinal);
        Assert.Contains("*KOP-1601-000003*", approved[1].Text, StringComparison.Ordinal);

        // Reject asks why, in the cooperative form; the reason rejects it and the UMKM record follows.
        var why = Assert.Single(await chat.PressAsync("coord", $"/tinjau tolak kop {kop[2]}"));
        Assert.Contains("Mengapa KOP-1601-000003 ditolak? Pilih alasan, atau ketik: /tinjau tolak kop " + kop[2], why.Text, StringComparison.Ordinal);
        Assert.Contains(why.Options, o => o.Value == $"/tinjau tolak kop {kop[2]} bukan koperasi");
        var rejected = await chat.PressAsync("coord", $"/tinjau tolak kop {kop[2]} bukan koperasi");
        Assert.Equal("❌ KOP-1601-000003 ditolak: bukan koperasi (tidak dihitung).", rejected[0].Text);
        Assert.Contains("🔎 Perlu ditinjau (1 menunggu)", rejected[1].Text, StringComparison.Ordinal);
        Assert.Contains("*KUMKM-1601-000002* — Warung Siti", rejected[1].Text, StringComparison.Ordinal);
        Assert.Equal([$"/tinjau setuju {umkm[1]}", $"/tinjau tolak {umkm[1]}"], rejected[1].Options.Select(o => o.Value));
        Assert.Equal("KOP-1601-000003 sudah ditolak.", StaffChat.Text(await chat.SayAsync("coord", $"/tinjau setuju kop {kop[2]}")).Split('\n')[0]);

        db.ChangeTracker.Clear();
        Assert.Equal([RecordStatus.Active, RecordStatus.Active, RecordStatus.Rejected], await db.KoperasiRecords.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync());
        Assert.Equal(RecordStatus.Flagged, (await db.UmkmRecords.SingleAsync(r => r.Id == umkm[1])).Status);
        var decisions = await db.ReviewDecisions.OrderBy(d => d.Id).ToListAsync();
        Assert.Equal([(RecordKind.Koperasi, kop[1], ReviewOutcome.Approved, (string?)null), (RecordKind.Koperasi, kop[2], ReviewOutcome.Rejected, "bukan koperasi")],
            decisions.Select(d => (d.Kind, d.RecordId, d.Decision, d.Reason)));
        Assert.All(decisions, d => Assert.Equal(coordinator.Id, d.DecidedByPersonId));
        Assert.All(decisions, d => Assert.Equal(RecordStatus.Flagged, d.PreviousStatus));

        // Each decision is a version in the cooperative's own history.
        var reviewed = await db.RecordVersions.Where(v => v.Source == RecordHistory.ReviewSource).OrderBy(v => v.Id).ToListAsync();
        Assert.Equal([(RecordKind.Koperasi, kop[1], "Approved"), (RecordKind.Koperasi, kop[2], "bukan koperasi")], reviewed.Select(v => (v.Kind, v.RecordId, v.Note)));
        Assert.Equal([("Flagged", "Active"), ("Flagged", "Rejected")], reviewed.Select(v => RecordHistory.Read(v)[RecordSnapshots.StatusKey]));
        Assert.All(reviewed, v => Assert.Equal(coordinator.Id, v.ByPersonId));

        // The rejected cooperative stops counting; the approved one still counts once.
        Assert.Equal(2, await db.DailyCounts.Where(c => c.Kind == RecordKind.Koperasi).SumAsync(c => c.Count));
        Assert.Equal(2, await db.DailyCounts.Where(c => c.Kind == RecordKind.Umkm).SumAsync(c => c.Count));

        // The approved cooperative sent again is not flagged again for the same name.
        await chat.SayAsync("rudi", Koperasi("AHU-0009999.AH.01.26.TAHUN 2021", "Budi Santoso", "0813 5555 6666"));
        db.ChangeTracker.Clear();
        Assert.Equal(RecordStatus.Active, (await db.KoperasiRecords.SingleAsync(r => r.Id == kop[1])).Status);
    }

    [Fact]
    public async Task A_decision_on_a_umkm_record_does_not_approve_the_cooperative_with_the_same_id()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.AddStaffAsync("0811 2000 0009", "coordinator", "16.01", "Dewi");
        await chat.ShareContactAsync("coord", "0811 2000 0009");
        await chat.OnboardAsync("rudi", "0811 2000 0001", "enumerator", "16.01", "Rudi");
        await chat.SayAsync("rudi", Umkm(1));
        await chat.SayAsync("rudi", Umkm(2));
        await chat.SayAsync("rudi", Koperasi("AHU-0001234.AH.01.26.TAHUN 2020", "Hj. Siti Rahmawati", "0813 7777 8888", nib: "1234567890123"));
        await chat.SayAsync("rudi", Koperasi("AHU-0009999.AH.01.26.TAHUN 2021", "Budi Santoso", "0813 5555 6666", name: "Koperasi Tani Makmur"));

        await using var db = chat.Db.Open();
        var umkm = await db.UmkmRecords.SingleAsync(r => r.RegistrationNumber == "KUMKM-1601-000002");
        var koperasi = await db.KoperasiRecords.SingleAsync(r => r.RegistrationNumber == "KOP-1601-000002");
        Assert.Equal(umkm.Id, koperasi.Id);
        Assert.Equal(RecordStatus.Active, koperasi.Status);

        // The old UMKM command (no "kop") decides the UMKM record only.
        Assert.Equal("✅ KUMKM-1601-000002 disetujui (tetap dihitung).", (await chat.PressAsync("coord", $"/tinjau setuju {umkm.Id}"))[0].Text);
        Assert.Equal(ReviewOutcome.Approved, (await db.ReviewDecisions.SingleAsync()).Decision);
        Assert.Equal(RecordKind.Umkm, (await db.ReviewDecisions.SingleAsync()).Kind);

        // The cooperative with the same id later takes another's NIB: it is flagged, not shielded by that approval.
        var reply = StaffChat.Text(await chat.SayAsync("rudi",
            Koperasi("AHU-0009999.AH.01.26.TAHUN 2021", "Budi Santoso", "0813 5555 6666", name: "Koperasi Tani Makmur", nib: "1234567890123")));
        Assert.Contains("KOP-1601-000002", reply, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        var flagged = await db.KoperasiRecords.SingleAsync(r => r.Id == koperasi.Id);
        Assert.Equal(RecordStatus.Flagged, flagged.Status);
        Assert.Equal("NIB sudah dipakai KOP-1601-000001", flagged.FlagReason);

        var card = Assert.Single(await chat.SayAsync("coord", "/tinjau"));
        Assert.Contains("🔎 Perlu ditinjau (1 menunggu)", card.Text, StringComparison.Ordinal);
        Assert.Contains("*KOP-1601-000002* — Koperasi Tani Makmur (koperasi)", card.Text, StringComparison.Ordinal);
        Assert.Equal("KUMKM-1601-000002 sudah disetujui.", StaffChat.Text(await chat.SayAsync("coord", $"/tinjau setuju {umkm.Id}")).Split('\n')[0]);
    }
}
