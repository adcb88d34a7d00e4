using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Tests.Records;

/// <summary>
/// What a write leaves in the database, as text to compare: records, versions, counts and registration sequences.
/// Encrypted values are shown decrypted (with the key file beside the database): each encryption draws a new nonce,
/// so two paths that store the same value store different bytes. The same text from a SQLite and a PostgreSQL database
/// that hold the same (a day is shown as yyyy-MM-dd on both, a number in its invariant form).
/// </summary>
internal static class DatabaseDump
{
    private static readonly (string Table, string Order)[] Tables =
    [
        ("umkm_records", "\"Id\""), ("koperasi_records", "\"Id\""), ("record_versions", "\"Id\""), ("daily_counts", "\"RegencyCode\", \"Day\", \"Kind\""),
        ("province_daily_counts", "\"ProvinceCode\", \"Day\", \"Kind\""), ("regency_totals", "\"RegencyCode\", \"Kind\""), ("province_totals", "\"ProvinceCode\", \"Kind\""),
        ("registration_sequences", "1"),
    ];

    /// <param name="withTimes">Also the times taken from the clock (<c>CreatedAt</c>, <c>UpdatedAt</c>, a version's <c>At</c>): only when both sides ran on the same clock.</param>
    /// <param name="nonZeroCounts">Leave out count rows at 0: whether a count that went up and down again keeps its row is how it is stored, not what it counts.</param>
    public static string Of(TestDatabase database, bool withTimes = false, bool nonZeroCounts = false)
    {
        using var connection = Open(database);
        return Of(connection, new FieldProtector(KeyFiles.Read(database.KeyPath)), withTimes, nonZeroCounts);
    }

    /// <summary>A SQLite file's dump (its key file beside it).</summary>
    public static string Of(string path, bool withTimes = false, bool nonZeroCounts = false)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return Of(connection, new FieldProtector(KeyFiles.Read(Path.ChangeExtension(path, ".key"))), withTimes, nonZeroCounts);
    }

    public static List<string> Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return Query(connection, sql);
    }

    public static List<string> Query(TestDatabase database, string sql)
    {
        using var connection = Open(database);
        return Query(connection, sql);
    }

    private static DbConnection Open(TestDatabase database)
    {
        DbConnection connection = database.IsPostgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection($"Data Source={database.Path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static string Of(DbConnection connection, FieldProtector protector, bool withTimes, bool nonZeroCounts)
    {
        var text = new StringBuilder();
        var postgres = connection is NpgsqlConnection;
        var times = withTimes ? "" : " AND name NOT IN ('CreatedAt', 'UpdatedAt', 'At')";
        foreach (var (table, order) in Tables)
        {
            var columns = Query(connection, postgres
                ? $"SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}'" +
                  times.Replace("name NOT IN", "column_name NOT IN", StringComparison.Ordinal) + " ORDER BY ordinal_position"
                : $"SELECT name FROM pragma_table_info('{table}') WHERE 1 = 1{times} ORDER BY cid")
                // By name: a column added by a later migration comes last on SQLite, in its place on PostgreSQL.
                .Order(StringComparer.Ordinal).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"{table}: {string.Join(",", columns)}");
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM {table}{(nonZeroCounts && columns.Contains("Count") ? " WHERE \"Count\" <> 0" : "")} ORDER BY {order}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? "NULL"
                        : reader.GetValue(i) is string s ? protector.Unprotect(s)
                        : reader.GetValue(i) is DateTime day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : reader.GetValue(i) is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
                }

                text.AppendLine(string.Join("|", values));
            }
        }

        return text.ToString();
    }

    private static List<string> Query(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
