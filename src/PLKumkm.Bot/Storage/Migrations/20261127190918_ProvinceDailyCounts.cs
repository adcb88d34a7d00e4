using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PLKumkm.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ProvinceDailyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "province_daily_counts",
                columns: table => new
                {
                    ProvinceCode = table.Column<string>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_province_daily_counts", x => new { x.ProvinceCode, x.Day, x.Kind });
                });

            // Records written before counting existed are counted once here, on their regency's local day
            // (WIB +7, WITA +8, WIT +9 by province; the same rule as RegionTimeZones); from now on the
            // SaveChanges hook and the bulk import keep both tables up to date.
            migrationBuilder.Sql("DELETE FROM daily_counts;");
            foreach (var (table, kind) in new[] { ("umkm_records", "Umkm"), ("koperasi_records", "Koperasi") })
            {
                migrationBuilder.Sql(
                    "INSERT INTO daily_counts (RegencyCode, Day, Kind, Count) " +
                    $"SELECT KodeKabupaten, Day, '{kind}', COUNT(*) FROM (SELECT KodeKabupaten, " +
                    "date((WaktuKirim - 621355968000000000) / 10000000 + CASE " +
                    "WHEN substr(KodeKabupaten, 1, 2) IN ('61', '62') THEN 25200 " +
                    "WHEN substr(KodeKabupaten, 1, 2) IN ('63', '64', '65') THEN 28800 " +
                    "WHEN substr(KodeKabupaten, 1, 1) IN ('1', '2', '3') THEN 25200 " +
                    "WHEN substr(KodeKabupaten, 1, 1) IN ('5', '7') THEN 28800 " +
                    "WHEN substr(KodeKabupaten, 1, 1) IN ('8', '9') THEN 32400 END, 'unixepoch') AS Day " +
                    $"FROM {table} WHERE Status IN ('Active', 'Flagged') AND length(KodeKabupaten) = 5) " +
                    "WHERE Day IS NOT NULL GROUP BY KodeKabupaten, Day;");
            }

            migrationBuilder.Sql(
                "INSERT INTO province_daily_counts (ProvinceCode, Day, Kind, Count) " +
                "SELECT substr(RegencyCode, 1, 2), Day, Kind, SUM(Count) FROM daily_counts GROUP BY substr(RegencyCode, 1, 2), Day, Kind;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "province_daily_counts");
        }
    }
}
