using PLKumkm.Bot.Benchmarks;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Tests.Progress;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>Issue 3's "done when": OKU's figures as of 12 September 2022, over Telegram and on the command line alike.</summary>
public sealed class ProgressEndToEndTests
{
    private const long Chat = 777301;
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    [Fact]
    public async Task OKU_per_12_September_2022_is_13495_of_42000_over_Telegram_and_the_command_line()
    {
        using var db = new TestDatabase();
        await ToolHost.CopyTemplateAsync(db);

        var targets = Write(db, "targets.csv",
            "region_code,target,enumerators,coordinators,start,end\n" +
            "16.01,42000,84,6,2022-04-01,2022-10-31\n" +
            "16.02,50000,100,7,2022-04-01,2022-10-31\n" +
            "16.03,30000,60,4,2022-04-01,2022-10-31\n" +
            "16.04,20000,40,3,2022-04-01,2022-10-31\n" +
            "16.05,25000,50,4,2022-04-01,2022-10-31\n" +
            "16.06,35000,70,5,2022-04-01,2022-10-31\n" +
            "16.07,40000,80,6,2022-04-01,2022-10-31\n" +
            "16.71,60000,120,9,2022-04-01,2022-10-31\n");
        var imported = await Cli.RunAsync("targets", "import", targets, db.ConfigArg);
        Assert.Equal((0, "targets: 8 saved (8 new, 0 updated), 0 rows rejected\n", ""), imported);

        // 13,495 OKU records up to the last second of 12 September (WIB), 505 from midnight on; 2,000 in OKI.
        var csv = new StringWriter();
        var oku = new SyntheticRecords(RegionCatalog.Shared, "16.01");
        oku.Write(csv, 0, 13_495, new DateTimeOffset(2022, 4, 1, 8, 0, 0, Wib), new DateTimeOffset(2022, 9, 12, 23, 59, 59, Wib));
        oku.Write(csv, 13_495, 505, new DateTimeOffset(2022, 9, 13, 0, 0, 0, Wib), new DateTimeOffset(2022, 9, 30, 17, 0, 0, Wib), header: false);
        new SyntheticRecords(RegionCatalog.Shared, "16.02").Write(csv, 20_000, 2_000,
            new DateTimeOffset(2022, 4, 1, 8, 0, 0, Wib), new DateTimeOffset(2022, 9, 12, 17, 0, 0, Wib), header: false);
        var (exit, output, error) = await Cli.RunAsync("records", "import", Write(db, "records.csv", csv.ToString()), db.ConfigArg);
        Assert.Equal((0, ""), (exit, error));
        Assert.StartsWith("records: 16000 rows read, 16000 added, 0 updated, 0 unchanged, 0 rejected", output);

        var cli = await Cli.RunAsync("progress", "OKU", "per", "12", "September", "2022", db.ConfigArg);
        Assert.Equal((0, ""), (cli.Exit, cli.Error));
        Assert.Contains("Kabupaten Ogan Komering Ulu", cli.Output);
        Assert.Contains("13.495 dari 42.000 (32,13%)", cli.Output);
        Assert.Contains("Peringkat 1 dari 8 di Sumatera Selatan", cli.Output);
        // Records came in evenly since 1 April: the last week's pace is the overall one, far below the 582 a day needed.
        Assert.Contains("Laju 7 hari terakhir: 82 data per hari (sejak mulai 82). Dengan laju itu baru 41,", cli.Output);
        Assert.Contains("% pada 31 Oktober 2022: target tidak tercapai.", cli.Output);
        Assert.Equal(cli, await Cli.RunAsync("progress", "OKU", "--as-of", "2022-09-12", db.ConfigArg));
        Assert.Contains("14.000 dari 42.000 (33,33%)", (await Cli.RunAsync("progress", "16.01", "--as-of", "2022-09-30", db.ConfigArg)).Output);

        await using var bot = await TelegramBotSession.StartAsync(db);
        foreach (var asked in new[] { "progress OKU per 12 September 2022", "/progress 16.01 per 12/9/2022", "capaian Kab. Ogan Komering Ulu per 2022-09-12" })
        {
            var answer = await bot.SayAsync(Chat, asked);
            Assert.Equal(cli.Output.TrimEnd('\n'), Assert.Single(answer).PlainText);
        }

        var chart = Assert.Single(await bot.SayAsync(Chat, "grafik Sumsel"));
        Assert.True(chart.HasPhoto);
        Assert.Contains("Capaian pendataan Sumatera Selatan", chart.PlainText);

        var picture = Path.Combine(db.Folder, "sumsel.png");
        var printed = await Cli.RunAsync("progress", "grafik", "Sumsel", "--out", picture, db.ConfigArg);
        Assert.Equal(0, printed.Exit);
        Assert.EndsWith(picture + "\n", printed.Output);
        Assert.True(new FileInfo(picture).Length > 10_000);
    }

    [Fact]
    public async Task Verbs_fail_with_one_error_line()
    {
        using var db = new TestDatabase();
        await ToolHost.CopyTemplateAsync(db);
        Assert.Equal((1, "", $"error: file not found: {Path.Combine(db.Folder, "none.csv")}\n"),
            await Cli.RunAsync("records", "import", Path.Combine(db.Folder, "none.csv"), db.ConfigArg));
        var ambiguous = await Cli.RunAsync("progress", "Ogan", db.ConfigArg);
        Assert.Equal(1, ambiguous.Exit);
        Assert.StartsWith("error: Ada beberapa wilayah untuk \"Ogan\". Yang mana? Kabupaten Ogan Komering Ulu (/progress 16.01)", ambiguous.Error);
        Assert.Single(ambiguous.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: --as-of wants a date as YYYY-MM-DD", (await Cli.RunAsync("progress", "OKU", "--as-of", "12/9/2022", db.ConfigArg)).Error);
    }

    private static string Write(TestDatabase db, string name, string content)
    {
        var path = Path.Combine(db.Folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
