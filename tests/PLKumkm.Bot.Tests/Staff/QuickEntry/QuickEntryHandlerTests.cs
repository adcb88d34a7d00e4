using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Staff.QuickEntry;

/// <summary>Quick entries stored through the pipeline: saved, updated, refused, flagged.</summary>
public sealed class QuickEntryHandlerTests
{
    private const string Siti = """
        #umkm
        NIK: 1601074508900001
        Nama: Siti Aminah
        Usaha: Warung Siti
        HP: 0812 3456 7890
        Desa: Sukaraya, Baturaja Timur
        KBLI: G
        Omzet: 3jt/bulan
        Pekerja: 2
        """;

    [Fact]
    public async Task Saved_then_updated_never_counted_twice_and_the_NIK_never_shown()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("enum", "0811 2000 0001", "enumerator", "16.01", "Rudi");

        var saved = StaffChat.Text(await chat.SayAsync("enum", Siti));
        Assert.Equal("✅ Tersimpan: KUMKM-1601-000001 — Warung Siti (Sukaraya), mikro", saved);

        // The same business again (other spacing and case in the name): updated, and the reply says so.
        var again = StaffChat.Text(await chat.SayAsync("enum", Siti.Replace("Warung Siti", "WARUNG  siti", StringComparison.Ordinal)
            .Replace("Pekerja: 2", "Pekerja: 3", StringComparison.Ordinal)));
        Assert.Equal("✅ Diperbarui: KUMKM-1601-000001 (tidak dihitung dua kali) — WARUNG siti (Sukaraya), mikro", again);
        Assert.DoesNotContain("1601074508900001", saved + again, StringComparison.Ordinal);

        await using var db = chat.Db.Open();
        var record = await db.UmkmRecords.SingleAsync();
        var enumerator = await db.People.SingleAsync(p => p.Role == PersonRole.Enumerator);
        Assert.Equal(RecordSources.Enumerator, record.Sumber);
        Assert.Equal(enumerator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Enumerator);
        Assert.Equal(enumerator.Id, record.SubmittedByPersonId);
        Assert.Null(record.OwnerPersonId);
        Assert.Equal(3, record.TkTotal);
        Assert.Equal(36_000_000, record.OmzetTahunan);
        Assert.Equal("16.01.14.1005", record.KodeDesa);
        Assert.Equal(RecordStatus.Active, record.Status);
    }

    [Fact]
    public async Task Errors_store_nothing_and_the_template_comes_back_for_an_empty_entry()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("enum", "0811 2000 0001", "enumerator", "16.01", "Rudi");

        var bad = StaffChat.Text(await chat.SayAsync("enum", Siti.Replace("1601074508900001", "1601074508900000", StringComparison.Ordinal)));
        Assert.Equal("❌ Belum disimpan. Perbaiki lalu kirim lagi seluruh pesannya:\n• NIK (baris 2): 4 angka terakhir NIK tidak mungkin 0000. Periksa lagi KTP Anda. Contoh: 1601071205850001.", bad);

        var template = await chat.SayAsync("enum", "#umkm");
        Assert.Equal(2, template.Count);
        Assert.Contains("Entri cepat", template[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("#umkm\nNIK: \nNama: \nUsaha: \nHP: \nDesa: ", template[1].Text, StringComparison.Ordinal);
        Assert.Equal(template.Select(m => m.Text), (await chat.SayAsync("enum", "/cepat")).Select(m => m.Text));

        await using var db = chat.Db.Open();
        Assert.False(await db.UmkmRecords.AnyAsync());
        Assert.False(await db.RegistrationSequences.AnyAsync(s => s.LastValue > 0));
    }

    [Fact]
    public async Task Another_owners_business_of_the_same_name_in_the_same_village_is_flagged_and_still_counted_once()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("enum", "0811 2000 0001", "enumerator", "16.01", "Rudi");
        await chat.SayAsync("enum", Siti);

        var other = StaffChat.Text(await chat.SayAsync("enum", Siti.Replace("1601074508900001", "1601071205850001", StringComparison.Ordinal)
            .Replace("Siti Aminah", "Ahmad", StringComparison.Ordinal)));
        Assert.Equal("✅ Tersimpan: KUMKM-1601-000002 — Warung Siti (Sukaraya), mikro\n⚠️ Ditandai untuk ditinjau koordinator: kemungkinan duplikat dari KUMKM-1601-000001", other);

        var implausible = StaffChat.Text(await chat.SayAsync("enum",
            "#umkm\nNIK: 1601071205850002\nNama: Joko\nUsaha: Kerupuk Joko\nDesa: 1601141005\nKBLI: C\nOmzet: 3jt/bulan\nPekerja: 900"));
        Assert.Contains("⚠️ Ditandai untuk ditinjau koordinator: tidak wajar: 900 pekerja untuk usaha mikro", implausible, StringComparison.Ordinal);

        await using var db = chat.Db.Open();
        var statuses = await db.UmkmRecords.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync();
        Assert.Equal([RecordStatus.Active, RecordStatus.Flagged, RecordStatus.Flagged], statuses);
    }

    [Fact]
    public async Task A_coordinator_enters_in_their_own_regency_only()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("coord", "0811 2000 0002", "coordinator", "16.03", "Dewi");
        var reply = StaffChat.Text(await chat.SayAsync("coord", Siti));
        Assert.Contains("Kecamatan \"Baturaja Timur\" tidak ditemukan di Kabupaten Muara Enim", reply, StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        Assert.False(await db.UmkmRecords.AnyAsync());
    }
}
