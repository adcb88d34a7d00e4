using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Tests.Records;

/// <summary>
/// What a write leaves in the database, as text to compare: records, versions, counts and registration sequences.
/// Encrypted values are shown decrypted (with the key file beside the database): each encryption draws a new nonce,
/// so two paths that store the same value store different bytes.
/// </summary>
internal static class DatabaseDump
{
    private static readonly (string Table, string Order)[] Tables =
    [
        ("umkm_records", "Id"), ("koperasi_records", "Id"), ("record_versions", "Id"), ("daily_counts", "RegencyCode, Day, Kind"),
        ("province_daily_counts", "ProvinceCode, Day, Kind"), ("regency_totals", "RegencyCode, Kind"), ("province_totals", "ProvinceCode, Kind"),
        ("registration_sequences", "1"),
    ];

    /// <param name="withTimes">Also the times taken from the clock (<c>CreatedAt</c>, <c>UpdatedAt</c>, a version's <c>At</c>): only when both sides ran on the same clock.</param>
    /// <param name="nonZeroCounts">Leave out count rows at 0: whether a count that went up and down again keeps its row is how it is stored, not what it counts.</param>
    public static string Of(string path, bool withTimes = false, bool nonZeroCounts = false)
    {
        var text = new StringBuilder();
        var protector = new FieldProtector(KeyFiles.Read(Path.ChangeExtension(path, ".key")));
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        foreach (var (table, order) in Tables)
        {
            var columns = Query(path, $"SELECT name FROM pragma_table_info('{table}')" +
                (withTimes ? "" : " WHERE name NOT IN ('CreatedAt', 'UpdatedAt', 'At')") + " ORDER BY cid");
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
                        : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
                }

                text.AppendLine(string.Join("|", values));
            }
        }

        return text.ToString();
    }

    public static List<string> Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
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
