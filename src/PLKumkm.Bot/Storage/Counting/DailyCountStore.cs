using System.Data.Common;
using System.Globalization;
using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Storage.Counting;

/// <summary>
/// Writes <see cref="CountDeltas"/> to <c>daily_counts</c>, its per-province sum
/// <c>province_daily_counts</c>, and the all-time <c>regency_totals</c> and <c>province_totals</c>, as
/// upserts inside the caller's transaction.
/// </summary>
internal static class DailyCountStore
{
    // Names as mapped in BotDbContext (a test keeps them in step with the EF model).
    public const string RegencyTable = "daily_counts";
    public const string ProvinceTable = "province_daily_counts";
    public const string RegencyTotalTable = "regency_totals";
    public const string ProvinceTotalTable = "province_totals";

    // Quoted names and @parameters: the same statements on SQLite and PostgreSQL. The sum is table-qualified because
    // PostgreSQL finds a bare column ambiguous between the row and EXCLUDED.
    private const string UpsertRegency =
        $"INSERT INTO {RegencyTable} (\"RegencyCode\", \"Day\", \"Kind\", \"Count\") VALUES (@code, @day, @kind, @delta) " +
        $"ON CONFLICT (\"RegencyCode\", \"Day\", \"Kind\") DO UPDATE SET \"Count\" = {RegencyTable}.\"Count\" + excluded.\"Count\"";

    private const string UpsertProvince =
        $"INSERT INTO {ProvinceTable} (\"ProvinceCode\", \"Day\", \"Kind\", \"Count\") VALUES (@code, @day, @kind, @delta) " +
        $"ON CONFLICT (\"ProvinceCode\", \"Day\", \"Kind\") DO UPDATE SET \"Count\" = {ProvinceTable}.\"Count\" + excluded.\"Count\"";

    private const string UpsertRegencyTotal =
        $"INSERT INTO {RegencyTotalTable} (\"RegencyCode\", \"Kind\", \"Count\") VALUES (@code, @kind, @delta) " +
        $"ON CONFLICT (\"RegencyCode\", \"Kind\") DO UPDATE SET \"Count\" = {RegencyTotalTable}.\"Count\" + excluded.\"Count\"";

    private const string UpsertProvinceTotal =
        $"INSERT INTO {ProvinceTotalTable} (\"ProvinceCode\", \"Kind\", \"Count\") VALUES (@code, @kind, @delta) " +
        $"ON CONFLICT (\"ProvinceCode\", \"Kind\") DO UPDATE SET \"Count\" = {ProvinceTotalTable}.\"Count\" + excluded.\"Count\"";

    // SQLite: each statement prepared once per connection, not once per saved record (parsing the upserts again cost
    // more than running them). The commands live while their connection stays open: once it is closed, its native
    // connection may serve another connection from the pool (or be closed by a pool clearing), and Microsoft.Data.Sqlite
    // no longer finalises a reused command's statements with it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Prepared = [];

    public static void Apply(DbConnection connection, DbTransaction? transaction, CountDeltas deltas)
    {
        var provinces = new Dictionary<CountKey, int>();
        var regencyTotals = new Dictionary<(string, RecordKind), int>();
        var provinceTotals = new Dictionary<(string, RecordKind), int>();
        // PostgreSQL: the upserts sent as arrays, a statement per table (see Batch).
        using var batch = connection is Npgsql.NpgsqlConnection ? new Batch(connection, transaction) : null;
        var regency = Command(connection, transaction, UpsertRegency, withDay: true);
        foreach (var (key, delta) in deltas.NonZero)
        {
            Run(regency, key.RegencyCode, key.Day, key.Kind, delta, batch);
            Add(provinces, key with { RegencyCode = key.ProvinceCode }, delta);
            Add(regencyTotals, (key.RegencyCode, key.Kind), delta);
            Add(provinceTotals, (key.ProvinceCode, key.Kind), delta);
        }

        var province = Command(connection, transaction, UpsertProvince, withDay: true);
        foreach (var (key, delta) in provinces.Where(p => p.Value != 0))
        {
            Run(province, key.RegencyCode, key.Day, key.Kind, delta, batch);
        }

        foreach (var (sql, totals) in new[] { (UpsertRegencyTotal, regencyTotals), (UpsertProvinceTotal, provinceTotals) })
        {
            var command = Command(connection, transaction, sql, withDay: false);
            foreach (var ((code, kind), delta) in totals.Where(t => t.Value != 0))
            {
                Run(command, code, null, kind, delta, batch);
            }
        }

        batch?.Execute();
    }

    private static void Add<TKey>(Dictionary<TKey, int> sums, TKey key, int delta)
        where TKey : notnull => sums[key] = sums.GetValueOrDefault(key) + delta;

    /// <summary>The statement's command: kept with its SQLite connection (prepared once), or, on PostgreSQL, only a
    /// template whose text and parameters <see cref="Batch"/> sends as arrays (never executed itself).</summary>
    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, bool withDay)
    {
        var commands = Prepared.GetValue(connection, FollowConnection);
        if (!commands.TryGetValue(sql, out var command))
        {
            commands[sql] = command = New(connection, sql, withDay);
            if (command is Microsoft.Data.Sqlite.SqliteCommand)
            {
                // Npgsql prepares only with values set; its auto-prepare (Max Auto Prepare) does it there.
                command.Prepare();
            }
        }

        command.Transaction = transaction;
        return command;
    }

    private static Dictionary<string, DbCommand> FollowConnection(DbConnection connection)
    {
        connection.StateChange += Forget;
        return [];

        static void Forget(object? sender, System.Data.StateChangeEventArgs e)
        {
            if (e.CurrentState == System.Data.ConnectionState.Closed && sender is DbConnection closed && Prepared.TryGetValue(closed, out var commands))
            {
                closed.StateChange -= Forget;
                Prepared.Remove(closed);
                foreach (var command in commands.Values)
                {
                    command.Dispose();
                }
            }
        }
    }

    private static DbCommand New(DbConnection connection, string sql, bool withDay)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in withDay ? ["@code", "@day", "@kind", "@delta"] : new[] { "@code", "@kind", "@delta" })
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }

        return command;
    }

    private static void Run(DbCommand command, string code, DateOnly? day, RecordKind kind, int delta, Batch? batch)
    {
        if (batch is not null)
        {
            batch.Add(command.CommandText, code, day, kind.ToString(), delta);
            return;
        }

        command.Parameters["@code"].Value = code;
        if (day is { } d)
        {
            // SQLite stores a DateOnly as its yyyy-MM-dd text (as EF does), PostgreSQL as a date.
            command.Parameters["@day"].Value = d;
        }

        command.Parameters["@kind"].Value = kind.ToString();
        command.Parameters["@delta"].Value = delta;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// PostgreSQL: each statement's rows gathered and sent as arrays, one <c>INSERT … SELECT FROM unnest(…)</c> per table
    /// (a first load has ~100,000 day counts: one round trip each took longer than the load). Each table's keys are
    /// distinct here (summed above), as one upsert statement needs.
    /// </summary>
    private sealed class Batch(DbConnection connection, DbTransaction? transaction) : IDisposable
    {
        private readonly Dictionary<string, (List<string> Codes, List<DateOnly> Days, List<string> Kinds, List<int> Deltas)> _rows = new(StringComparer.Ordinal);

        public void Add(string sql, string code, DateOnly? day, string kind, int delta)
        {
            if (!_rows.TryGetValue(sql, out var rows))
            {
                _rows[sql] = rows = ([], [], [], []);
            }

            rows.Codes.Add(code);
            if (day is { } d)
            {
                rows.Days.Add(d);
            }

            rows.Kinds.Add(kind);
            rows.Deltas.Add(delta);
        }

        public void Execute()
        {
            foreach (var (sql, rows) in _rows)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var withDay = rows.Days.Count > 0;
                command.CommandText = withDay
                    ? sql.Replace("VALUES (@code, @day, @kind, @delta)", "SELECT * FROM unnest(@code, @day, @kind, @delta)", StringComparison.Ordinal)
                    : sql.Replace("VALUES (@code, @kind, @delta)", "SELECT * FROM unnest(@code, @kind, @delta)", StringComparison.Ordinal);
                Parameter(command, "@code", rows.Codes.ToArray());
                if (withDay)
                {
                    Parameter(command, "@day", rows.Days.ToArray());
                }

                Parameter(command, "@kind", rows.Kinds.ToArray());
                Parameter(command, "@delta", rows.Deltas.ToArray());
                command.ExecuteNonQuery();
            }

            _rows.Clear();
        }

        public void Dispose() => _rows.Clear();

        private static void Parameter(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
