using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Progress;
using PLKumkm.Bot.Progress.Targets;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Progress.Targets;

public sealed class TargetsImportTests
{
    private const string Header = "region_code,target,enumerators,coordinators,start,end\n";

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_the_good_ones_kept()
    {
        await using var tool = await ToolHost.StartAsync();
        var file = tool.WriteFile("targets.csv", Header +
            "16.01,42000,84,6,2022-04-01,2022-10-31\n" +
            "99.99,100,1,1,2022-04-01,2022-10-31\n" +
            "16.02,banyak,1,1,2022-04-01,2022-10-31\n" +
            "\n" +
            "16.03,100,1,1,2022-10-31,2022-04-01\n" +
            "1604,\"1.500\",3,1,1/4/2022,31 Oktober 2022\n" +
            "16.01,1,1,1,2022-04-01,2022-10-31\n" +
            "16.05,100,1,1,2022-02-30,2022-10-31\n");

        var output = new StringWriter();
        await tool.InScopeAsync(async s =>
        {
            await TargetsImport.RunAsync(s, file, output, CancellationToken.None);
            return 0;
        });

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("line 3: unknown region code '99.99'", lines[0]);
        Assert.StartsWith("line 4: target:", lines[1]);
        Assert.Equal("line 6: end 2022-04-01 is before start 2022-10-31", lines[2]);
        Assert.Equal("line 8: region 16.01 is already on line 2", lines[3]);
        Assert.StartsWith("line 9: start:", lines[4]);
        Assert.Equal("targets: 2 saved (2 new, 0 updated), 5 rows rejected", lines[5]);
        await using var db = tool.Database.Open();
        var lahat = await db.Targets.SingleAsync(t => t.RegionCode == "16.04");
        Assert.Equal((1500, 3, new DateOnly(2022, 4, 1), new DateOnly(2022, 10, 31)), (lahat.Target, lahat.Enumerators, lahat.Start, lahat.End));
    }

    [Fact]
    public async Task A_second_file_replaces_its_regions_and_keeps_the_others()
    {
        await using var tool = await ToolHost.StartAsync();
        await ImportAsync(tool, Header + "16.01,42000,84,6,2022-04-01,2022-10-31\n16.02,50000,100,7,2022-04-01,2022-10-31\n");
        var result = await ImportAsync(tool, Header + "16.01,45000,90,6,2022-04-01,2022-11-15\n");

        Assert.Equal((0, 1), (result.Added, result.Updated));
        await using var db = tool.Database.Open();
        var targets = await db.Targets.OrderBy(t => t.RegionCode).ToListAsync();
        Assert.Equal([("16.01", 45000, new DateOnly(2022, 11, 15)), ("16.02", 50000, new DateOnly(2022, 10, 31))],
            targets.Select(t => (t.RegionCode, t.Target, t.End)));
    }

    [Fact]
    public async Task A_province_takes_the_sum_of_its_regencies_unless_it_has_its_own_row()
    {
        await using var tool = await ToolHost.StartAsync();
        await ImportAsync(tool, Header +
            "16.01,42000,84,6,2022-04-01,2022-10-31\n" +
            "16.02,50000,100,7,2022-03-15,2022-10-15\n" +
            "32.01,10000,20,2,2022-05-01,2022-11-30\n");

        var sumsel = await ProgressAsync(tool, "16");
        Assert.Equal(new TargetFigures(92000, 184, 13, new DateOnly(2022, 3, 15), new DateOnly(2022, 10, 31)), sumsel.Target);
        var indonesia = await ProgressAsync(tool, "");
        Assert.Equal(new TargetFigures(102000, 204, 15, new DateOnly(2022, 3, 15), new DateOnly(2022, 11, 30)), indonesia.Target);

        await ImportAsync(tool, Header + "16,100000,200,10,2022-04-01,2022-10-31\n");
        Assert.Equal(100000, (await ProgressAsync(tool, "16")).Target!.Target);
        Assert.Equal(110000, (await ProgressAsync(tool, "")).Target!.Target);
    }

    [Fact]
    public async Task A_missing_file_or_a_wrong_header_stops_with_a_reason()
    {
        await using var tool = await ToolHost.StartAsync();
        var missing = await Assert.ThrowsAsync<ImportException>(() => ImportFileAsync(tool, Path.Combine(tool.Database.Folder, "nope.csv")));
        Assert.StartsWith("file not found", missing.Message);

        var header = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(tool, "region,target\n16.01,5\n"));
        Assert.Contains("unknown column 'region'", header.Message);
        Assert.Contains("missing region_code", header.Message);

        var empty = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(tool, Header + "99.99,1,1,1,2022-01-01,2022-02-01\n"));
        Assert.Contains("no valid row", empty.Message);
    }

    [Fact]
    public async Task Semicolons_from_Indonesian_Excel_are_read_too()
    {
        await using var tool = await ToolHost.StartAsync();
        var result = await ImportAsync(tool, "\uFEFFregion_code;target;enumerators;coordinators;start;end\r\n16.01;42.000;84;6;01/04/2022;31/10/2022\r\n");
        Assert.Equal(1, result.Added);
        await using var db = tool.Database.Open();
        Assert.Equal(42000, (await db.Targets.SingleAsync()).Target);
    }

    [Fact]
    public async Task A_target_above_what_its_region_can_hold_is_refused_naming_the_line()
    {
        await using var tool = await ToolHost.StartAsync();
        var result = await ImportAsync(tool, Header +
            "16.01,2147483647,84,6,2022-04-01,2022-10-31\n" +
            "16.02,10000000,84,6,2022-04-01,2022-10-31\n" +
            "16.03,10000001,84,6,2022-04-01,2022-10-31\n" +
            "32,50000001,84,6,2022-04-01,2022-10-31\n" +
            "33,50000000,84,6,2022-04-01,2022-10-31\n" +
            "16.04,42000,99999999999,6,2022-04-01,2022-10-31\n");

        Assert.Equal(
            [
                "line 2: target 2.147.483.647 is more than a regency/city can have (at most 10.000.000; Indonesia has about 64 million UMKM in all)",
                "line 4: target 10.000.001 is more than a regency/city can have (at most 10.000.000; Indonesia has about 64 million UMKM in all)",
                "line 5: target 50.000.001 is more than a province can have (at most 50.000.000; Indonesia has about 64 million UMKM in all)",
                "line 7: enumerators 99.999.999.999 is more than a regency/city can have (at most 10.000.000; Indonesia has about 64 million UMKM in all)",
            ],
            result.Problems.Select(p => p.ToString()));
        Assert.Equal(2, result.Added);
    }

    [Fact]
    public async Task Targets_that_would_add_up_past_the_national_bound_are_refused_and_none_saved()
    {
        await using var tool = await ToolHost.StartAsync();
        await ImportAsync(tool, Header + "16.01,42000,84,6,2022-04-01,2022-10-31\n");

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(tool, Header +
            "31,40000000,84,6,2022-04-01,2022-10-31\n32,40000000,84,6,2022-04-01,2022-10-31\n33,20000000,84,6,2022-04-01,2022-10-31\n"));

        Assert.Equal("the targets would add up to 100.042.000 for Indonesia, more than 100.000.000 (Indonesia has about 64 million UMKM in all); nothing saved",
            error.Message);
        await using var db = tool.Database.Open();
        Assert.Equal(["16.01"], await db.Targets.Select(t => t.RegionCode).ToListAsync());
    }

    [Fact]
    public async Task Targets_and_counts_past_32_bits_add_up_without_wrapping()
    {
        // Rows written past the importer's bounds (by hand, or by a version without them) must still read right.
        await using var tool = await ToolHost.StartAsync();
        await using (var db = tool.Database.Open())
        {
            db.Targets.AddRange(
                new CampaignTarget { RegionCode = "16.01", Target = 2_147_483_647, Enumerators = 3_000_000_000, Coordinators = 1, Start = new(2022, 4, 1), End = new(2022, 10, 31) },
                new CampaignTarget { RegionCode = "32.01", Target = 2_147_483_647, Enumerators = 1, Coordinators = 1, Start = new(2022, 4, 1), End = new(2022, 10, 31) });
            db.RegencyTotals.Add(new RegencyTotal { RegencyCode = "16.01", Kind = RecordKind.Umkm, Count = 3_000_000_000 });
            db.ProvinceTotals.Add(new ProvinceTotal { ProvinceCode = "16", Kind = RecordKind.Umkm, Count = 3_000_000_000 });
            await db.SaveChangesAsync();
        }

        var indonesia = await ProgressAsync(tool, "");
        Assert.Equal((4_294_967_294L, 3_000_000_001L, 3_000_000_000L), (indonesia.Target!.Target, indonesia.Target.Enumerators, indonesia.Collected.Total));
        var text = ProgressFormatter.Format(indonesia, "id");
        Assert.Contains("3.000.000.000 dari 4.294.967.294 (69,84%)", text, StringComparison.Ordinal);
        var oku = await ProgressAsync(tool, "16.01");
        Assert.Equal(139.69m, oku.Percent);
    }

    private static Task<TargetsImportResult> ImportAsync(ToolHost tool, string csv) =>
        ImportFileAsync(tool, tool.WriteFile($"targets-{Guid.NewGuid():N}.csv", csv));

    private static Task<TargetsImportResult> ImportFileAsync(ToolHost tool, string path) =>
        tool.InScopeAsync(s => s.GetRequiredService<TargetsImporter>().ImportAsync(path, CancellationToken.None));

    private static Task<RegionProgress> ProgressAsync(ToolHost tool, string code) =>
        tool.InScopeAsync(s => s.GetRequiredService<ProgressService>()
            .ForRegionAsync(s.GetRequiredService<RegionCatalog>().Find(code)!, new DateOnly(2022, 9, 12), CancellationToken.None));
}
