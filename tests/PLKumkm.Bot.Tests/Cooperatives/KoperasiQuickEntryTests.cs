using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Staff;

namespace PLKumkm.Bot.Tests.Cooperatives;

/// <summary><c>#koperasi</c> quick entries from an enumerator, through the pipeline.</summary>
public sealed class KoperasiQuickEntryTests
{
    private const string Entry = """
        #koperasi
        Nama: KSP Maju Bersama
        No BH: AHU-0001234.AH.01.26.TAHUN 2020
        Tgl BH: 12/3/2015
        Jenis: simpan pinjam
        Desa: Sukaraya, Baturaja Timur
        KBLI: K
        Anggota L: 120
        Anggota P: 85
        Volume: 850jt
        SHU: -12,5jt
        Pengurus: Hj. Siti Rahmawati
        Jabatan: ketua
        HP: 0813 7777 8888
        """;

    [Fact]
    public async Task Saved_then_updated_once_with_a_negative_shu()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("enum", "0811 2000 0001", "enumerator", "16.01", "Rudi");

        Assert.Equal("✅ Tersimpan: KOP-1601-000001 — KSP Maju Bersama (Sukaraya)", StaffChat.Text(await chat.SayAsync("enum", Entry)));
        // The same legal entity number written differently: the same cooperative.
        var again = StaffChat.Text(await chat.SayAsync("enum", Entry
            .Replace("AHU-0001234.AH.01.26.TAHUN 2020", "ahu 0001234 ah 01 26 tahun 2020", StringComparison.Ordinal)
            .Replace("Anggota L: 120", "Anggota L: 130", StringComparison.Ordinal)));
        Assert.Equal("✅ Diperbarui: KOP-1601-000001 (tidak dihitung dua kali) — KSP Maju Bersama (Sukaraya)", again);

        await using var db = chat.Db.Open();
        var record = await db.KoperasiRecords.SingleAsync();
        Assert.Equal(-12_500_000, record.Shu);
        Assert.Equal(130, record.AnggotaL);
        Assert.Equal("simpan_pinjam", record.JenisKop);
        Assert.Equal(new DateOnly(2015, 3, 12), record.TglBadanHukum);
        Assert.Equal("+6281377778888", record.Hp);
        Assert.Equal("16.01.14.1005", record.KodeDesa);
        Assert.Equal(RecordSources.Enumerator, record.Sumber);
        Assert.Null(record.OwnerPersonId);
        Assert.Equal(2, await db.RecordVersions.CountAsync(v => v.RecordId == record.Id));
    }

    [Fact]
    public async Task Errors_store_nothing_the_form_comes_back_and_strangers_are_refused()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("enum", "0811 2000 0001", "enumerator", "16.01", "Rudi");

        var bad = StaffChat.Text(await chat.SayAsync("enum", """
            #koperasi
            Nama: KSP Maju Bersama
            Modal sendiri: -5jt
            Anggota X: 3
            """));
        Assert.StartsWith("❌ Belum disimpan.", bad, StringComparison.Ordinal);
        Assert.Contains("Modal sendiri (baris 3): Jumlahnya tidak boleh minus.", bad, StringComparison.Ordinal);
        Assert.Contains("Baris 4: kunci \"Anggota X\" tidak dikenal. Maksud Anda \"Anggota L\"?", bad, StringComparison.Ordinal);
        Assert.Contains("Desa: wajib diisi.", bad, StringComparison.Ordinal);

        var form = await chat.SayAsync("enum", "#koperasi");
        Assert.Equal(2, form.Count);
        Assert.StartsWith("#koperasi\nNama: ", form[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("*Entri cepat koperasi*: satu pesan untuk satu koperasi.", form[0].Text, StringComparison.Ordinal);
        Assert.Contains("Wajib: Nama, Desa. SHU boleh minus (-5jt).", form[0].Text, StringComparison.Ordinal);
        Assert.Contains("Contoh:\n#koperasi\nNama: KSP Maju Bersama\n", form[0].Text, StringComparison.Ordinal);

        Assert.DoesNotContain("Tersimpan", StaffChat.Text(await chat.SayAsync("stranger", Entry)), StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        Assert.Equal(0, await db.KoperasiRecords.CountAsync());
    }
}
