using PLKumkm.Bot.Progress;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Progress;

public sealed class ProgressFormatterTests
{
    private static readonly Region Oku = RegionCatalog.Shared.Find("16.01")!;
    private static readonly Region Sumsel = RegionCatalog.Shared.Find("16")!;
    private static readonly TargetFigures OkuTarget = new(42_000, 84, 6, new DateOnly(2022, 4, 1), new DateOnly(2022, 10, 31));
    private static readonly DateTimeOffset Noon13Sept = new(2022, 9, 13, 14, 5, 0, TimeSpan.FromHours(7));

    [Fact]
    public void As_of_a_day_it_gives_figures_rank_days_left_pace_and_that_days_records()
    {
        var text = ProgressFormatter.Format(Progress(13_495, asOf: new DateOnly(2022, 9, 12), added: 312, now: new DateTimeOffset(2022, 11, 1, 9, 0, 0, TimeSpan.FromHours(7))), "id");

        // 28.505 still to go over the 49 days after 12 September: 582 a day, 6,93 → 7,0 per enumerator.
        Assert.Equal(
            """
            *Progres Kabupaten Ogan Komering Ulu*
            Per 12 September 2022, pukul 24.00 WIB
            Terkumpul 13.495 dari 42.000 (32,13%)
            Peringkat 1 dari 8 di Sumatera Selatan
            Pendataan berakhir 31 Oktober 2022, 49 hari lagi.
            Perlu 582 data per hari (7,0 per pencacah).
            Masuk pada 12 September 2022: 312 data.
            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Asked_today_the_day_still_counts_for_the_pace_and_yesterday_is_named()
    {
        var now = ProgressFormatter.Format(Progress(13_495, asOf: null, added: 40, now: Noon13Sept, koperasi: 12), "id");
        Assert.Contains("Hari ini, 13 September 2022, pukul 14.05 WIB", now);
        Assert.Contains("13.495 dari 42.000 (32,13%), termasuk 12 koperasi", now);
        Assert.Contains("48 hari lagi", now);
        // 28.505 over today and the 48 days after it.
        Assert.Contains("Perlu 582 data per hari", now);
        Assert.Contains("Masuk hari ini: 40 data.", now);

        var yesterday = ProgressFormatter.Format(Progress(13_495, asOf: new DateOnly(2022, 9, 12), added: 312, now: Noon13Sept), "id");
        Assert.Contains("Per kemarin, 12 September 2022", yesterday);
    }

    [Fact]
    public void The_pace_per_enumerator_is_the_daily_pace_shared_out_both_rounded_up()
    {
        // 62 to go over the 10 days after 21 October: 6,2 → 7 a day; 7 shared by 3 enumerators is 2,33 → 2,4 (not 2,1,
        // which is 6,2 ÷ 3 and would not add up to the 7 shown).
        var target = new TargetFigures(100, 3, 1, new DateOnly(2022, 4, 1), new DateOnly(2022, 10, 31));
        var text = ProgressFormatter.Format(Progress(38, asOf: new DateOnly(2022, 10, 21), added: 0, now: Noon13Sept.AddDays(60), target: target), "id");

        Assert.Contains("Perlu 7 data per hari (2,4 per pencacah).", text);
    }

    [Fact]
    public void Numbers_follow_the_persons_language()
    {
        var text = ProgressFormatter.Format(Progress(13_495, asOf: new DateOnly(2022, 9, 12), added: 1_312, now: Noon13Sept.AddDays(30)), "en");
        Assert.Contains("*Progress of Kabupaten Ogan Komering Ulu*", text);
        Assert.Contains("As of 12 September 2022, 24:00 WIB", text);
        Assert.Contains("Collected 13,495 of 42,000 (32.13%)", text);
        Assert.Contains("Rank 1 of 8 in Sumatera Selatan", text);
        Assert.Contains("49 days left", text);
        Assert.Contains("Needed: 582 records a day (7.0 per enumerator).", text);
        Assert.Contains("Added on 12 September 2022: 1,312.", text);
    }

    [Fact]
    public void Without_a_target_the_count_is_still_given()
    {
        var text = ProgressFormatter.Format(Progress(1_234, asOf: null, added: 5, now: Noon13Sept, target: null, rank: false), "id");
        Assert.Contains("Terkumpul 1.234 data. Wilayah ini belum punya target.", text);
        Assert.Contains("Masuk hari ini: 5 data.", text);
        Assert.DoesNotContain("Peringkat", text);
    }

    [Fact]
    public void A_reached_target_says_so_instead_of_a_pace()
    {
        var text = ProgressFormatter.Format(Progress(43_000, asOf: null, added: 0, now: Noon13Sept), "id");
        Assert.Contains("43.000 dari 42.000 (102,38%)", text);
        Assert.Contains("Target sudah tercapai, lebih 1.000.", text);
        Assert.DoesNotContain("Perlu", text);
    }

    [Fact]
    public void Percentages_are_cut_not_rounded_up_to_a_target_not_yet_reached()
    {
        Assert.Equal(99.99m, Percentages.Of(41_999, 42_000));
        Assert.Equal(32.13m, Percentages.Of(13_495, 42_000));
        Assert.Equal("99,99%", ProgressFormatter.Percent(Percentages.Of(41_999, 42_000), en: false));
    }

    [Fact]
    public void After_the_end_the_final_figure_is_given()
    {
        var after = ProgressFormatter.Format(Progress(40_100, asOf: null, added: 0, now: new DateTimeOffset(2022, 11, 2, 8, 0, 0, TimeSpan.FromHours(7))), "id");
        Assert.Contains("Pendataan sudah berakhir 31 Oktober 2022. Angka akhir: 40.100 dari 42.000 (95,47%).", after);
        Assert.DoesNotContain("Perlu", after);

        // As of the end of the last day the campaign is over too; asked on that day it ends today.
        Assert.Contains("sudah berakhir", ProgressFormatter.Format(Progress(40_100, new DateOnly(2022, 10, 31), 0, Noon13Sept.AddDays(60)), "id"));
        var lastDay = ProgressFormatter.Format(Progress(40_100, null, 0, new DateTimeOffset(2022, 10, 31, 9, 0, 0, TimeSpan.FromHours(7))), "id");
        Assert.Contains("Pendataan berakhir hari ini, 31 Oktober 2022.", lastDay);
        Assert.Contains("Perlu 1.900 data per hari", lastDay);
    }

    [Fact]
    public void Before_the_start_it_says_when_the_census_begins()
    {
        var text = ProgressFormatter.Format(Progress(0, asOf: null, added: 0, now: new DateTimeOffset(2022, 3, 12, 8, 0, 0, TimeSpan.FromHours(7))), "id");
        Assert.Contains("Pendataan belum dimulai: berlangsung 1 April 2022 (20 hari lagi) s.d. 31 Oktober 2022.", text);
        Assert.Contains("Target 42.000 data, 84 pencacah.", text);
    }

    [Fact]
    public void A_ranking_lists_one_line_per_regency_with_shared_places_for_ties()
    {
        var moment = new ProgressMoment(new DateOnly(2022, 9, 12), true, Noon13Sept.AddDays(30), "WIB");
        var palembang = RegionCatalog.Shared.Find("16.71")!;
        var oki = RegionCatalog.Shared.Find("16.02")!;
        var total = new RegionProgress(Sumsel, moment, new Tally(20_495, 0), default, new TargetFigures(92_000, 184, 13, OkuTarget.Start, OkuTarget.End), null);
        var ranking = new Ranking(Sumsel, moment,
        [
            new RankingEntry(Oku, new Tally(13_495, 0), OkuTarget),
            new RankingEntry(palembang, new Tally(5_000, 0), OkuTarget with { Target = 25_000 }),
            new RankingEntry(oki, new Tally(2_000, 0), OkuTarget with { Target = 10_000 }),
        ], 14, total);

        Assert.Equal(
            """
            *Peringkat kabupaten/kota di Sumatera Selatan*
            Per 12 September 2022, pukul 24.00 WIB
            1. Ogan Komering Ulu: 32,13% (13.495/42.000)
            2. Kota Palembang: 20,00% (5.000/25.000)
            2. Ogan Komering Ilir: 20,00% (2.000/10.000)
            14 lainnya belum punya target.
            Total: 20.495 dari 92.000 (22,27%)
            """.ReplaceLineEndings("\n"), ProgressFormatter.FormatRanking(ranking, "id"));
    }

    [Fact]
    public void The_forecast_at_OKU_s_pace_of_12_September_2022_says_the_target_will_not_be_reached_and_how_far_it_gets()
    {
        // 312 a day over the 7 days to 12 September (13.495 − 11.311 = 2.184); 13.495 over the 165 days since 1 April
        // is 81,8 → 82. 49 more days at 312: 13.495 + 15.288 = 28.783 of 42.000 = 68,53%.
        var progress = Progress(13_495, asOf: new DateOnly(2022, 9, 12), added: 312, now: Noon13Sept) with { WeekBefore = new Tally(11_311, 0) };

        var text = ProgressFormatter.Format(progress, "id");

        Assert.Contains(
            "Perlu 582 data per hari (7,0 per pencacah).\nLaju 7 hari terakhir: 312 data per hari (sejak mulai 82). Dengan laju itu baru 68,53% pada 31 Oktober 2022: target tidak tercapai.\n",
            text, StringComparison.Ordinal);
        Assert.Contains("Pace of the last 7 days: 312 a day (since the start 82). At that pace 68.53% by 31 October 2022: the target will not be reached.",
            ProgressFormatter.Format(progress, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public void At_a_pace_that_makes_it_the_forecast_names_the_day_the_target_is_reached()
    {
        // 700 a day: 28.505 to go takes 40,7 → 41 days after 12 September, 23 October; asked during 13 September the
        // same pace over today and the days after reaches it on 23 October too (today is the first of the 41).
        var asOf = Progress(13_495, asOf: new DateOnly(2022, 9, 12), added: 700, now: Noon13Sept) with { WeekBefore = new Tally(8_595, 0) };
        var today = Progress(13_495, asOf: null, added: 700, now: Noon13Sept) with { WeekBefore = new Tally(8_595, 0) };

        Assert.Equal(new DateOnly(2022, 10, 23), asOf.Forecast!.ReachedOn);
        Assert.Contains("Dengan laju itu target tercapai 23 Oktober 2022.", ProgressFormatter.Format(asOf, "id"), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2022, 10, 23), today.Forecast!.ReachedOn);
    }

    [Fact]
    public void A_silent_week_and_the_first_days_of_a_campaign_are_forecast_honestly()
    {
        var silent = Progress(13_495, asOf: new DateOnly(2022, 9, 12), added: 0, now: Noon13Sept) with { WeekBefore = new Tally(13_495, 0) };
        Assert.Contains("Tidak ada data masuk dalam 7 hari terakhir: dengan laju itu target tidak tercapai.", ProgressFormatter.Format(silent, "id"),
            StringComparison.Ordinal);

        // Three days in: the pace is over those three days, not seven.
        var early = Progress(300, asOf: new DateOnly(2022, 4, 3), added: 100, now: Noon13Sept) with { WeekBefore = new Tally(0, 0) };
        Assert.Equal(100, early.Forecast!.RecentPerDay);
        // Without the week's figure (an older caller) there is no forecast line.
        Assert.DoesNotContain("Laju 7 hari", ProgressFormatter.Format(Progress(13_495, asOf: new DateOnly(2022, 9, 12), added: 312, now: Noon13Sept), "id"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_ranking_marks_who_will_make_it_at_the_pace_of_the_last_week()
    {
        var moment = new ProgressMoment(new DateOnly(2022, 9, 12), true, Noon13Sept.AddDays(30), "WIB");
        var palembang = RegionCatalog.Shared.Find("16.71")!;
        var total = new RegionProgress(Sumsel, moment, new Tally(18_495, 0), default, new TargetFigures(67_000, 184, 13, OkuTarget.Start, OkuTarget.End), null);
        var ranking = new Ranking(Sumsel, moment,
        [
            new RankingEntry(Oku, new Tally(13_495, 0), OkuTarget, new Tally(11_311, 0)),
            // 20.000 to go at 500 a day: 40 days, inside the 49 left.
            new RankingEntry(palembang, new Tally(5_000, 0), OkuTarget with { Target = 25_000 }, new Tally(1_500, 0)),
        ], 15, total);

        var text = ProgressFormatter.FormatRanking(ranking, "id");

        Assert.Contains("1. Ogan Komering Ulu: 32,13% (13.495/42.000) ⚠️ → 68,53%\n", text, StringComparison.Ordinal);
        Assert.Contains("2. Kota Palembang: 20,00% (5.000/25.000) ✅\n", text, StringComparison.Ordinal);
        Assert.Contains("✅ diperkirakan mencapai target, ⚠️ → % perkiraan di akhir pendataan (laju 7 hari terakhir).", text, StringComparison.Ordinal);
        // The chart's caption says the same in one sentence.
        Assert.EndsWith("Dengan laju 7 hari terakhir 1 dari 2 mencapai target; belum: Ogan Komering Ulu.", ProgressFormatter.ChartCaption(ranking, "id"), StringComparison.Ordinal);
        Assert.EndsWith("At the pace of the last 7 days 1 of 2 reach their target; not: Ogan Komering Ulu.", ProgressFormatter.ChartCaption(ranking, "en"), StringComparison.Ordinal);
    }

    private static RegionProgress Progress(int umkm, DateOnly? asOf, int added, DateTimeOffset now, int koperasi = 0, TargetFigures? target = null, bool rank = true)
    {
        var moment = new ProgressMoment(asOf ?? DateOnly.FromDateTime(now.DateTime), asOf is not null, now, "WIB");
        return new RegionProgress(Oku, moment, new Tally(umkm - koperasi, koperasi), new Tally(added, 0),
            target ?? (rank ? OkuTarget : null), rank ? new RegionRank(1, 8, Sumsel) : null);
    }
}
