using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Exports;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Records.Import;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Records.Import;

/// <summary>The fast import keeps the single-database rules of <see cref="RecordWriter"/>.</summary>
public sealed class RecordsImportRulesTests
{
    private const string Header = "nik,nama_pemilik,nama_usaha,kode_desa,hp,nib,tk_total,omzet_tahunan,waktu_kirim";

    [Fact]
    public async Task Likely_duplicates_shared_NIBs_and_implausible_figures_are_flagged_and_still_counted_once()
    {
        await using var tool = await ToolHost.StartAsync();
        var result = await ImportAsync(tool,
            Header,
            "1601071205850001,Siti,Warung Bu Siti,16.01.07.2001,081211110001,9120001234567,2,30jt,2022-09-10T10:00:00+07:00",
            // Another owner, the same business name in the same village.
            "1601074505850002,Sari,Warung Bu Siti,16.01.07.2001,081211110002,,1,20jt,2022-09-11T10:00:00+07:00",
            // Another business with Siti's NIB.
            "1601071205850003,Budi,Toko Budi,16.01.07.2002,081211110003,9120001234567,1,20jt,2022-09-11T11:00:00+07:00",
            // 200 workers in a micro business.
            "1601071205850004,Agus,Konveksi Agus,16.01.07.2002,081211110004,,200,50jt,2022-09-11T12:00:00+07:00");

        Assert.Equal((4, 0), (result.Added, result.Rejected));
        await using var db = tool.Database.Open();
        var records = await db.UmkmRecords.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([RecordStatus.Active, RecordStatus.Flagged, RecordStatus.Flagged, RecordStatus.Flagged], records.Select(r => r.Status));
        Assert.Equal("kemungkinan duplikat dari KUMKM-1601-000001", records[1].FlagReason);
        Assert.Equal("NIB sudah dipakai KUMKM-1601-000001", records[2].FlagReason);
        Assert.StartsWith("tidak wajar: 200 pekerja untuk usaha mikro", records[3].FlagReason);
        Assert.Equal(4, await db.DailyCounts.SumAsync(c => c.Count));
    }

    [Fact]
    public async Task Every_created_or_changed_record_gets_a_version_and_an_unchanged_one_none()
    {
        await using var tool = await ToolHost.StartAsync();
        var file = tool.WriteFile("a.csv", string.Join("\n", Header, "1601071205850001,Siti,Warung Bu Siti,16.01.07.2001,081211110001,,2,30jt,2022-09-10T10:00:00+07:00") + "\n");
        await ImportFileAsync(tool, file);
        await ImportFileAsync(tool, file);
        await ImportAsync(tool, Header, "1601071205850001,Siti Aminah,Warung Bu Siti,16.01.07.2001,081211110001,,3,30jt,2022-09-10T10:00:00+07:00");

        await using var db = tool.Database.Open();
        var versions = await db.RecordVersions.OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([(1, "impor"), (2, "impor")], versions.Select(v => (v.Version, v.Source)));
        Assert.Equal(RecordKind.Umkm, versions[0].Kind);
        Assert.Contains("\"nama_pemilik\":{\"old\":null,\"new\":\"Siti\"}", versions[0].ChangesJson);
        var changes = RecordHistory.Read(versions[1]);
        Assert.Equal(("Siti", "Siti Aminah"), changes["nama_pemilik"]);
        Assert.Equal(("2", "3"), changes["tk_total"]);
        Assert.True(changes.Count == 2, string.Join(", ", changes.Select(c => $"{c.Key}: {c.Value.Old} -> {c.Value.New}")));
    }

    [Fact]
    public async Task An_export_with_NIKs_imports_back_into_an_empty_database_unchanged()
    {
        await using var source = await ToolHost.StartAsync();
        await ImportAsync(source, Header,
            "1601071205850001,Siti,=Warung Bu Siti,16.01.07.2001,081211110001,9120001234567,2,30jt,2022-09-10T10:00:00+07:00",
            "1601071205850002,Budi,Toko Budi,16.01.07.2002,,,1,20jt,2022-09-11T10:00:00+07:00");
        var exported = Path.Combine(source.Database.Folder, "export.csv");
        await source.InScopeAsync(async s =>
        {
            await using var file = File.Create(exported);
            return await s.GetRequiredService<RecordExporter>().WriteAsync(new ExportRequest(RecordKind.Umkm, "", ExportFormat.Csv, WithNik: true), file, CancellationToken.None);
        });

        await using var target = await ToolHost.StartAsync();
        var result = await ImportFileAsync(target, exported);

        Assert.Equal((2, 0), (result.Added, result.Rejected));
        await using var a = source.Database.Open();
        await using var b = target.Database.Open();
        var before = await a.UmkmRecords.OrderBy(r => r.Id).ToListAsync();
        var after = await b.UmkmRecords.OrderBy(r => r.Id).ToListAsync();
        foreach (var field in FieldIds.Umkm.Where(f => f != "sumber"))
        {
            Assert.Equal(before.Select(r => UmkmFields.Get(r, field)), after.Select(r => UmkmFields.Get(r, field)));
        }

        Assert.Equal("=Warung Bu Siti", after[0].NamaUsaha);
    }

    private static Task<RecordsImportResult> ImportAsync(ToolHost tool, params string[] lines) =>
        ImportFileAsync(tool, tool.WriteFile($"{Guid.NewGuid():N}.csv", string.Join("\n", lines) + "\n"));

    private static Task<RecordsImportResult> ImportFileAsync(ToolHost tool, string path) =>
        tool.InScopeAsync(s => s.GetRequiredService<RecordsImporter>().ImportAsync(path, CancellationToken.None));
}
