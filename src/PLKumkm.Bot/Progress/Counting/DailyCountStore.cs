using System.Data.Common;
using System.Globalization;

namespace PLKumkm.Bot.Progress.Counting;

/// <summary>
/// Writes <see cref="CountDeltas"/> to <c>daily_counts</c>, its per-province sum
/// <c>province_daily_counts</c> and the provinces' all-time <c>province_totals</c>, as upserts inside
/// the caller's transaction.
/// </summary>
internal static class DailyCountStore
{
    // Names as mapped in BotDbContext (a test keeps them in step with the EF model).
    public const string RegencyTable = "daily_counts";
    public const string ProvinceTable = "province_daily_counts";
    public const string ProvinceTotalTable = "province_totals";

    private const string UpsertRegency =
        $"INSERT INTO {RegencyTable} (RegencyCode, Day, Kind, Count) VALUES ($code, $day, $kind, $delta) " +
        "ON CONFLICT (RegencyCode, Day, Kind) DO UPDATE SET Count = Count + excluded.Count";

    private const string UpsertProvince =
        $"INSERT INTO {ProvinceTable} (ProvinceCode, Day, Kind, Count) VALUES ($code, $day, $kind, $delta) " +
        "ON CONFLICT (ProvinceCode, Day, Kind) DO UPDATE SET Count = Count + excluded.Count";

    private const string UpsertTotal =
        $"INSERT INTO {ProvinceTotalTable} (ProvinceCode, Kind, Count) VALUES ($code, $kind, $delta) " +
        "ON CONFLICT (ProvinceCode, Kind) DO UPDATE SET Count = Count + excluded.Count";

    /// <summary>The stored form of a day (EF Core's SQLite mapping of <see cref="DateOnly"/>).</summary>
    public static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void Apply(DbConnection connection, DbTransaction? transaction, CountDeltas deltas)
    {
        var provinces = new Dictionary<CountKey, int>();
        using var regency = Command(connection, transaction, UpsertRegency);
        foreach (var (key, delta) in deltas.NonZero)
        {
            Run(regency, key.RegencyCode, key, delta);
            var province = key with { RegencyCode = key.ProvinceCode };
            provinces[province] = provinces.GetValueOrDefault(province) + delta;
        }

        var totals = new Dictionary<(string Province, Conversations.Definition.RecordKind Kind), int>();
        using var byProvince = Command(connection, transaction, UpsertProvince);
        foreach (var (key, delta) in provinces)
        {
            if (delta != 0)
            {
                Run(byProvince, key.RegencyCode, key, delta);
                totals[(key.RegencyCode, key.Kind)] = totals.GetValueOrDefault((key.RegencyCode, key.Kind)) + delta;
            }
        }

        using var total = connection.CreateCommand();
        total.CommandText = UpsertTotal;
        total.Transaction = transaction;
        foreach (var name in (ReadOnlySpan<string>)["$code", "$kind", "$delta"])
        {
            var p = total.CreateParameter();
            p.ParameterName = name;
            total.Parameters.Add(p);
        }

        foreach (var ((province, kind), delta) in totals)
        {
            if (delta != 0)
            {
                total.Parameters[0].Value = province;
                total.Parameters[1].Value = kind.ToString();
                total.Parameters[2].Value = delta;
                total.ExecuteNonQuery();
            }
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in (ReadOnlySpan<string>)["$code", "$day", "$kind", "$delta"])
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }

        command.Prepare();
        return command;
    }

    private static void Run(DbCommand command, string code, CountKey key, int delta)
    {
        command.Parameters[0].Value = code;
        command.Parameters[1].Value = DayText(key.Day);
        command.Parameters[2].Value = key.Kind.ToString();
        command.Parameters[3].Value = delta;
        command.ExecuteNonQuery();
    }
}
