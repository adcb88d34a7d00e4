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

            // Counts kept before this table existed roll up once here; from now on they are kept together.
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
