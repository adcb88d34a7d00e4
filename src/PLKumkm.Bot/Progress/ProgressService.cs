using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage.Counting;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Progress;

/// <summary>
/// Progress figures for the country, a province or a regency, read only from the targets and the
/// counts (never from the records): all-time totals per regency or province, less the days after the
/// one asked about, so neither the number of records nor the length of the campaign makes an answer slower.
/// </summary>
internal sealed class ProgressService(BotDbContext db, RegionCatalog catalog, TimeProvider clock)
{
    // Targets change a few times a campaign and are read by every answer: kept per database until their stamp changes.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Count, long Latest, TargetBook Book)> TargetCache = new();

    /// <summary>Today in the region's clock, or the as-of day; null <paramref name="asOf"/> means now.</summary>
    public ProgressMoment MomentFor(Region region, DateOnly? asOf)
    {
        LocalDay.TryZone(region.Code, out var zone);
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var abbreviation = catalog.TimeZoneAbbreviation(region.Code);
        return asOf is { } day
            ? new ProgressMoment(day, true, now, abbreviation)
            : new ProgressMoment(DateOnly.FromDateTime(now.DateTime), false, now, abbreviation);
    }

    public async Task<RegionProgress> ForRegionAsync(Region region, DateOnly? asOf, CancellationToken ct)
    {
        var moment = MomentFor(region, asOf);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var targets = await TargetsAsync(ct);
            return region.Level switch
            {
                RegionLevel.Regency => await RegencyAsync(region, moment, targets, ct),
                RegionLevel.Province => await ProvinceAsync(region, moment, targets, ct),
                RegionLevel.Country => await CountryAsync(moment, targets, ct),
                _ => throw new ArgumentException($"progress is kept down to regencies, not for {region}", nameof(region)),
            };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The children of the country (provinces) or of a province (regencies) ranked by percentage; a regency ranks within its province.</summary>
    public async Task<Ranking> RankingAsync(Region region, DateOnly? asOf, CancellationToken ct)
    {
        var parent = region.Level == RegionLevel.Regency ? catalog.ProvinceOf(region.Code)! : region;
        var moment = MomentFor(parent, asOf);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var targets = await TargetsAsync(ct);
            var (sql, province) = parent.Level == RegionLevel.Country ? (ProgressSql.ProvinceSql, (string?)null) : (ProgressSql.RegencySql, parent.Code);
            var counts = await CountsAsync(sql, province, moment.Day, ct);
            var weekBefore = await CountsAsync(sql, province, WeekBefore(moment), ct);
            var children = catalog.ChildrenOf(parent.Code);
            var entries = new List<RankingEntry>();
            foreach (var child in children)
            {
                if (targets.For(child) is { } target)
                {
                    entries.Add(new RankingEntry(child, counts.GetValueOrDefault(child.Code).Collected, target,
                        weekBefore.GetValueOrDefault(child.Code).Collected));
                }
            }

            entries.Sort((a, b) => b.Percent != a.Percent ? b.Percent.CompareTo(a.Percent) : string.CompareOrdinal(a.Region.Code, b.Region.Code));
            var total = Sum(counts.Values);
            var totalProgress = new RegionProgress(parent, moment, total.Collected, total.OnDay, targets.For(parent), null,
                Sum(weekBefore.Values).Collected);
            return new Ranking(parent, moment, entries, children.Count - entries.Count, totalProgress);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<RegionProgress> RegencyAsync(Region regency, ProgressMoment moment, TargetBook targets, CancellationToken ct)
    {
        var province = catalog.ProvinceOf(regency.Code)!;
        var counts = await CountsAsync(ProgressSql.RegencySql, province.Code, moment.Day, ct);
        var own = counts.GetValueOrDefault(regency.Code);
        var weekBefore = (await CountsAsync(ProgressSql.RegencySql, province.Code, WeekBefore(moment), ct)).GetValueOrDefault(regency.Code);
        return new RegionProgress(regency, moment, own.Collected, own.OnDay, targets.For(regency),
            Rank(regency, province, catalog.ChildrenOf(province.Code), counts, targets), weekBefore.Collected);
    }

    private async Task<RegionProgress> ProvinceAsync(Region province, ProgressMoment moment, TargetBook targets, CancellationToken ct)
    {
        var counts = await CountsAsync(ProgressSql.ProvinceSql, null, moment.Day, ct);
        var own = counts.GetValueOrDefault(province.Code);
        var weekBefore = (await CountsAsync(ProgressSql.ProvinceSql, null, WeekBefore(moment), ct)).GetValueOrDefault(province.Code);
        return new RegionProgress(province, moment, own.Collected, own.OnDay, targets.For(province),
            Rank(province, RegionCatalog.Indonesia, catalog.ChildrenOf(null), counts, targets), weekBefore.Collected);
    }

    private async Task<RegionProgress> CountryAsync(ProgressMoment moment, TargetBook targets, CancellationToken ct)
    {
        var total = Sum((await CountsAsync(ProgressSql.ProvinceSql, null, moment.Day, ct)).Values);
        var weekBefore = Sum((await CountsAsync(ProgressSql.ProvinceSql, null, WeekBefore(moment), ct)).Values);
        return new RegionProgress(RegionCatalog.Indonesia, moment, total.Collected, total.OnDay, targets.For(RegionCatalog.Indonesia), null,
            weekBefore.Collected);
    }

    /// <summary>The end of the day the forecast's week starts after (asked today, today is the seventh day).</summary>
    private static DateOnly WeekBefore(ProgressMoment moment) => moment.Day.AddDays(-Forecast.RecentDays);

    private static RegionRank? Rank(Region region, Region parent, IReadOnlyList<Region> siblings, Dictionary<string, Counts> counts, TargetBook targets)
    {
        if (targets.For(region) is not { } own)
        {
            return null;
        }

        var percent = Percentages.Of(counts.GetValueOrDefault(region.Code).Collected.Total, own.Target);
        int ranked = 0, ahead = 0;
        foreach (var sibling in siblings)
        {
            if (targets.For(sibling) is not { } target)
            {
                continue;
            }

            ranked++;
            if (Percentages.Of(counts.GetValueOrDefault(sibling.Code).Collected.Total, target.Target) > percent)
            {
                ahead++;
            }
        }

        return new RegionRank(ahead + 1, ranked, parent);
    }

    /// <summary>Counts per child code (regencies of <paramref name="provinceCode"/>, or provinces when null).</summary>
    private async Task<Dictionary<string, Counts>> CountsAsync(string sql, string? provinceCode, DateOnly day, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = ReferenceEquals(sql, ProgressSql.RegencySql) && Connection is NpgsqlConnection ? ProgressSql.PostgresRegencySql : sql;
        command.Transaction = Transaction;
        Add(command, "@day", day);
        if (provinceCode is not null)
        {
            // Every regency code of province 16 sorts between "16." and "16/" ('/' follows '.').
            Add(command, "@from", provinceCode + ".");
            Add(command, "@to", provinceCode + "/");
        }

        var counts = new Dictionary<string, Counts>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var code = reader.GetString(0);
            var koperasi = reader.GetString(1) == nameof(RecordKind.Koperasi);
            var upTo = reader.GetInt64(2);
            var onDay = reader.GetInt64(3);
            var add = koperasi ? new Counts(new Tally(0, upTo), new Tally(0, onDay)) : new Counts(new Tally(upTo, 0), new Tally(onDay, 0));
            counts[code] = counts.GetValueOrDefault(code) + add;
        }

        return counts;
    }

    private async Task<TargetBook> TargetsAsync(CancellationToken ct)
    {
        long count, latest;
        await using (var command = Connection.CreateCommand())
        {
            command.CommandText = ProgressSql.TargetsStampSql;
            command.Transaction = Transaction;
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (count, latest) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var key = db.Database.GetConnectionString() ?? "";
        if (TargetCache.TryGetValue(key, out var cached) && cached.Count == count && cached.Latest == latest)
        {
            return cached.Book;
        }

        var book = await TargetBook.LoadAsync(Connection, Transaction, ProgressSql.TargetsSql, catalog, ct);
        TargetCache[key] = (count, latest, book);
        return book;
    }

    private static Counts Sum(IEnumerable<Counts> counts) => counts.Aggregate(default(Counts), (a, b) => a + b);

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private DbConnection Connection => db.Database.GetDbConnection();

    private DbTransaction? Transaction => db.Database.CurrentTransaction?.GetDbTransaction();

    private readonly record struct Counts(Tally Collected, Tally OnDay)
    {
        public static Counts operator +(Counts a, Counts b) => new(a.Collected + b.Collected, a.OnDay + b.OnDay);
    }

    /// <summary>
    /// The targets table (a few hundred rows) with the roll-up rule: a province without its own row
    /// takes the sum of its regencies (target, enumerators, coordinators; earliest start, latest end);
    /// the country sums its provinces.
    /// </summary>
    private sealed class TargetBook
    {
        private readonly Dictionary<string, TargetFigures> _rows;
        private readonly Dictionary<string, TargetFigures?> _derived = new(StringComparer.Ordinal);

        private TargetBook(Dictionary<string, TargetFigures> rows, RegionCatalog catalog)
        {
            _rows = rows;
            // Worked out once, so the book can be shared read-only between answers.
            foreach (var province in catalog.ChildrenOf(null))
            {
                _derived[province.Code] = rows.TryGetValue(province.Code, out var own)
                    ? own
                    : Combine(catalog.ChildrenOf(province.Code).Select(r => rows.GetValueOrDefault(r.Code)));
            }

            _derived[RegionCodes.Country] = Combine(catalog.ChildrenOf(null).Select(p => _derived[p.Code]));
        }

        public static async Task<TargetBook> LoadAsync(DbConnection connection, DbTransaction? transaction, string sql, RegionCatalog catalog, CancellationToken ct)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            var rows = new Dictionary<string, TargetFigures>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows[reader.GetString(0)] = new TargetFigures(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                    reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5));
            }

            return new TargetBook(rows, catalog);
        }

        public TargetFigures? For(Region region) =>
            _rows.TryGetValue(region.Code, out var own) ? own : _derived.GetValueOrDefault(region.Code);

        private static TargetFigures? Combine(IEnumerable<TargetFigures?> parts)
        {
            TargetFigures? sum = null;
            foreach (var part in parts)
            {
                if (part is null)
                {
                    continue;
                }

                sum = sum is null
                    ? part
                    : new TargetFigures(sum.Target + part.Target, sum.Enumerators + part.Enumerators, sum.Coordinators + part.Coordinators,
                        part.Start < sum.Start ? part.Start : sum.Start, part.End > sum.End ? part.End : sum.End);
            }

            return sum;
        }
    }
}
