using System.Globalization;
using PLKumkm.Bot.Storage.Counting;

namespace PLKumkm.Bot.Progress;

/// <summary>The statements progress answers run: read only from the targets and the counts, never from the records.</summary>
internal static class ProgressSql
{
    // Quoted names, @parameters and bigint sums: the same statements on SQLite and PostgreSQL.
    public const string TargetsSql = "SELECT \"RegionCode\", \"Target\", \"Enumerators\", \"Coordinators\", \"Start\", \"End\" FROM targets";

    // A regency's total minus the days after the one asked about (none when asked about today), and that day,
    // for every regency of one province: index seeks per regency, never a regency's whole history. The
    // range keeps to one province ('/' sorts right after '.' in byte order, hence PostgreSQL's "C" collation).
    private const string RegencySqlFormat =
        $"SELECT t.\"RegencyCode\", t.\"Kind\", t.\"Count\" - COALESCE((SELECT CAST(SUM(d.\"Count\") AS BIGINT) FROM {DailyCountStore.RegencyTable} d " +
        "WHERE d.\"RegencyCode\" = t.\"RegencyCode\" AND d.\"Day\" > @day AND d.\"Kind\" = t.\"Kind\"), 0), " +
        $"COALESCE((SELECT CAST(SUM(d.\"Count\") AS BIGINT) FROM {DailyCountStore.RegencyTable} d WHERE d.\"RegencyCode\" = t.\"RegencyCode\" AND d.\"Day\" = @day AND d.\"Kind\" = t.\"Kind\"), 0) " +
        $"FROM {DailyCountStore.RegencyTotalTable} t WHERE t.\"RegencyCode\"{{0}} >= @from AND t.\"RegencyCode\"{{0}} < @to";

    public static readonly string RegencySql = string.Format(CultureInfo.InvariantCulture, RegencySqlFormat, "");
    public static readonly string PostgresRegencySql = string.Format(CultureInfo.InvariantCulture, RegencySqlFormat, " COLLATE \"C\"");

    // The same for every province.
    public const string ProvinceSql =
        $"SELECT t.\"ProvinceCode\", t.\"Kind\", t.\"Count\" - COALESCE((SELECT CAST(SUM(p.\"Count\") AS BIGINT) FROM {DailyCountStore.ProvinceTable} p " +
        "WHERE p.\"ProvinceCode\" = t.\"ProvinceCode\" AND p.\"Day\" > @day AND p.\"Kind\" = t.\"Kind\"), 0), " +
        $"COALESCE((SELECT CAST(SUM(p.\"Count\") AS BIGINT) FROM {DailyCountStore.ProvinceTable} p WHERE p.\"ProvinceCode\" = t.\"ProvinceCode\" AND p.\"Day\" = @day AND p.\"Kind\" = t.\"Kind\"), 0) " +
        $"FROM {DailyCountStore.ProvinceTotalTable} t";

    public const string TargetsStampSql = "SELECT COUNT(*), COALESCE(MAX(\"UpdatedAt\"), 0) FROM targets";
}
