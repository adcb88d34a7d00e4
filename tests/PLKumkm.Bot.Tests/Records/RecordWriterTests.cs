using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Records;

/// <summary>The single database: one record per business, version history, NIB and likely-duplicate flags.</summary>
public sealed class RecordWriterTests
{
    [Fact]
    public async Task The_same_owner_and_business_twice_is_one_record_with_two_versions()
    {
        using var test = await RecordsTestDatabase.CreateAsync();
        await using (var ctx = test.Open())
        {
            var first = await test.Writer(ctx).SaveUmkmAsync(RecordsTestDatabase.Umkm(), RecordsTestDatabase.Owner(7), default);
            Assert.False(first.Updated);
            await ctx.SaveChangesAsync();
        }

        test.Clock.Advance(TimeSpan.FromDays(3));
        await using (var ctx = test.Open())
        {
            // Written differently, sent by an enumerator, with more capital: the same business.
            var again = RecordsTestDatabase.Umkm(a =>
            {
                a["nama_usaha"] = "WARUNG BU SARI.";
                a["modal"] = "20000000";
            });
            var second = await test.Writer(ctx).SaveUmkmAsync(again, RecordsTestDatabase.Enumerator, default);
            Assert.True(second.Updated);
            Assert.Equal("KUMKM-1601-000001", second.Record!.RegistrationNumber);
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = test.Open())
        {
            var record = await ctx.UmkmRecords.SingleAsync();
            Assert.Equal(20_000_000, record.Modal);
            Assert.Equal("WARUNG BU SARI.", record.NamaUsaha);
            Assert.Equal(RecordSources.Mandiri, record.Sumber);
            // A repeat does not move the day it was first submitted (progress counts it there).
            Assert.Equal(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero), record.WaktuKirim);

            var versions = await ctx.RecordVersions.Where(v => v.Kind == RecordKind.Umkm && v.RecordId == record.Id).OrderBy(v => v.Version).ToListAsync();
            Assert.Equal([1, 2], versions.Select(v => v.Version));
            Assert.Equal(7, versions[0].ByPersonId);
            Assert.Equal(RecordSources.Mandiri, versions[0].Source);
            Assert.Equal((null, "1601074508900001"), RecordHistory.Read(versions[0])["nik"]);

            var changes = RecordHistory.Read(versions[1]);
            Assert.Equal(RecordSources.Enumerator, versions[1].Source);
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero), versions[1].At);
            Assert.Equal(("15000000", "20000000"), changes["modal"]);
            Assert.Equal(("Warung Bu Sari", "WARUNG BU SARI."), changes["nama_usaha"]);
            Assert.Equal(["modal", "nama_usaha"], changes.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_numbered_branch_is_another_business()
    {
        using var test = await RecordsTestDatabase.CreateAsync();
        await using var ctx = test.Open();
        var writer = test.Writer(ctx);
        await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(), RecordsTestDatabase.Owner(7), default);
        var branch = await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a => a["nama_usaha"] = "Warung Bu Sari 2"), RecordsTestDatabase.Owner(7), default);
        await ctx.SaveChangesAsync();

        Assert.False(branch.Updated);
        Assert.Equal("KUMKM-1601-000002", branch.Record!.RegistrationNumber);
        // The same owner's second business on the same phone is not a duplicate.
        Assert.Equal(RecordStatus.Active, branch.Record!.Status);
        Assert.Equal(2, await ctx.UmkmRecords.CountAsync(r => r.Status == RecordStatus.Active));
    }

    [Fact]
    public async Task A_nib_already_used_by_another_business_flags_the_newcomer()
    {
        using var test = await RecordsTestDatabase.CreateAsync();
        await using var ctx = test.Open();
        var writer = test.Writer(ctx);
        var first = await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a => a["nib"] = "9120001234567"), RecordsTestDatabase.Owner(7), default);
        var other = await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a =>
        {
            a["nik"] = "1601071205850001";
            a["nama_usaha"] = "Toko Maju Jaya";
            a["hp"] = "+6281111111111";
            a["nib"] = "9120001234567";
        }), RecordsTestDatabase.Owner(8), default);
        var cooperative = await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(a => a["nib"] = "9120001234567"), RecordsTestDatabase.Owner(9), default);
        await ctx.SaveChangesAsync();

        Assert.Equal(RecordStatus.Active, first.Record!.Status);
        Assert.Equal(RecordStatus.Flagged, other.Record!.Status);
        Assert.Equal("NIB sudah dipakai KUMKM-1601-000001", other.Record!.FlagReason);
        Assert.Equal(RecordStatus.Flagged, cooperative.Record!.Status);
        Assert.Contains("NIB sudah dipakai KUMKM-1601-000001", cooperative.Record!.FlagReason);
        var version = await ctx.RecordVersions.SingleAsync(v => v.Kind == RecordKind.Umkm && v.RecordId == other.Record!.Id);
        Assert.Equal("ditandai: NIB sudah dipakai KUMKM-1601-000001", version.Note);
        Assert.Equal((null, "Flagged"), RecordHistory.Read(version)["status"]);

        // The business that holds the NIB sending it again stays as it is.
        var again = await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a => a["nib"] = "9120001234567"), RecordsTestDatabase.Owner(7), default);
        Assert.Equal(RecordStatus.Active, again.Record!.Status);
    }

    [Fact]
    public async Task The_same_phone_with_a_similar_name_under_another_owner_is_a_likely_duplicate()
    {
        using var test = await RecordsTestDatabase.CreateAsync();
        await using var ctx = test.Open();
        var writer = test.Writer(ctx);
        await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(), RecordsTestDatabase.Owner(7), default);
        // An enumerator enters it again with the husband's NIK and a typo in the name.
        var twin = await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a =>
        {
            a["nik"] = "1601071205850001";
            a["nama_usaha"] = "Warung Bu Sary";
        }), RecordsTestDatabase.Enumerator, default);
        // Same phone but a clearly different business: not flagged.
        var unrelated = await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a =>
        {
            a["nik"] = "1601071205850002";
            a["nama_usaha"] = "Bengkel Motor Jaya";
        }), RecordsTestDatabase.Enumerator, default);
        await ctx.SaveChangesAsync();

        Assert.Equal(RecordStatus.Flagged, twin.Record!.Status);
        Assert.Equal("kemungkinan duplikat dari KUMKM-1601-000001 (HP sama, nama mirip)", twin.Record!.FlagReason);
        Assert.Equal(RecordStatus.Active, unrelated.Record!.Status);
        // Flagged records count once each until a coordinator decides; nothing is counted twice by the flag.
        Assert.Equal(3, await ctx.UmkmRecords.CountAsync());
    }

    [Fact]
    public async Task A_cooperative_is_found_by_its_legal_entity_number_however_it_is_written()
    {
        using var test = await RecordsTestDatabase.CreateAsync();
        await using var ctx = test.Open();
        var writer = test.Writer(ctx);
        var first = await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(), RecordsTestDatabase.Owner(7), default);
        await ctx.SaveChangesAsync();
        Assert.Equal("KOP-1601-000001", first.Record!.RegistrationNumber);
        Assert.Equal(-12_500_000, first.Record!.Shu);
        Assert.Equal("16.01", first.Record!.KodeKabupaten);
        Assert.Equal("16.01.14", first.Record!.KodeKecamatan);
        Assert.Equal("16", first.Record!.KodeProvinsi);
        Assert.Equal(new DateOnly(2015, 3, 12), first.Record!.TglBadanHukum);

        var again = await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(a =>
        {
            a["no_badan_hukum"] = "ahu 0001234 ah 01 26 tahun 2020";
            a["nama_koperasi"] = "KSP Maju Bersama (kantor baru)";
            a["shu"] = "30000000";
        }), RecordsTestDatabase.Enumerator, default);
        await ctx.SaveChangesAsync();

        Assert.True(again.Updated);
        Assert.Same(first.Record, again.Record);
        Assert.Equal(30_000_000, again.Record!.Shu);
        Assert.Equal(1, await ctx.KoperasiRecords.CountAsync());
        Assert.Equal(2, await ctx.RecordVersions.CountAsync(v => v.Kind == RecordKind.Koperasi));
    }

    [Fact]
    public async Task Without_a_number_a_cooperative_is_its_name_in_its_village()
    {
        using var test = await RecordsTestDatabase.CreateAsync();
        await using var ctx = test.Open();
        var writer = test.Writer(ctx);
        var first = await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(a => a.Remove("no_badan_hukum")), RecordsTestDatabase.Owner(7), default);
        await ctx.SaveChangesAsync();

        // Later with its number, and the name abbreviated: the same cooperative.
        var withNumber = await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(a => a["nama_koperasi"] = "KSP Maju Bersama"), RecordsTestDatabase.Owner(7), default);
        await ctx.SaveChangesAsync();
        Assert.True(withNumber.Updated);
        Assert.Equal("AHU0001234AH0126TAHUN2020", first.Record!.NoBadanHukumNormal);

        // The same name in another village is another cooperative.
        var elsewhere = await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(a =>
        {
            a.Remove("no_badan_hukum");
            a["kode_desa"] = "16.01.14.1006";
        }), RecordsTestDatabase.Owner(8), default);
        // The same name and village under a different number: another cooperative, to be reviewed.
        var namesake = await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(a =>
        {
            a["no_badan_hukum"] = "518/BH/XIII/2005";
            a["hp"] = "+6281200000000";
        }), RecordsTestDatabase.Owner(9), default);
        await ctx.SaveChangesAsync();

        Assert.False(elsewhere.Updated);
        Assert.False(namesake.Updated);
        Assert.Equal(RecordStatus.Flagged, namesake.Record!.Status);
        Assert.Equal("nama dan desa sama dengan KOP-1601-000001, nomor badan hukum berbeda", namesake.Record!.FlagReason);
        Assert.Equal(["KOP-1601-000001", "KOP-1601-000002", "KOP-1601-000003"],
            await ctx.KoperasiRecords.OrderBy(r => r.Id).Select(r => r.RegistrationNumber).ToListAsync());
    }

    [Fact]
    public async Task A_correction_replaces_values_and_keeps_the_old_ones_in_the_history()
    {
        using var test = await RecordsTestDatabase.CreateAsync();
        await using var ctx = test.Open();
        var writer = test.Writer(ctx);
        var saved = await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a => a["nib"] = "9120001234567"), RecordsTestDatabase.Owner(7), default);
        await ctx.SaveChangesAsync();

        var corrected = RecordsTestDatabase.Umkm(a =>
        {
            a["nama_usaha"] = "Warung Sari Jaya";
            a["nib"] = "";
        });
        var record = (await writer.UpdateAsync(RecordKind.Umkm, "KUMKM-1601-000001", corrected, RecordsTestDatabase.Owner(7), default)).Record;
        await ctx.SaveChangesAsync();

        Assert.Same(saved.Record, record);
        Assert.Equal("Warung Sari Jaya", saved.Record!.NamaUsaha);
        Assert.Equal("warung sari jaya", saved.Record!.NamaUsahaNormal);
        Assert.Null(saved.Record!.Nib);
        var v2 = await ctx.RecordVersions.SingleAsync(v => v.Version == 2);
        var changes = RecordHistory.Read(v2);
        Assert.Equal(("Warung Bu Sari", "Warung Sari Jaya"), changes["nama_usaha"]);
        Assert.Equal(("9120001234567", null), changes["nib"]);
        Assert.Null((await writer.UpdateAsync(RecordKind.Umkm, "KUMKM-1601-000099", corrected, RecordsTestDatabase.Owner(7), default)).Record);
    }
}
