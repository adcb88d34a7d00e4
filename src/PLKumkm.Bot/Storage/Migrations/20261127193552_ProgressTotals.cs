using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PLKumkm.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ProgressTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "province_totals",
                columns: table => new
                {
                    ProvinceCode = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_province_totals", x => new { x.ProvinceCode, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "regency_totals",
                columns: table => new
                {
                    RegencyCode = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regency_totals", x => new { x.RegencyCode, x.Kind });
                });

            // Totals of what is already counted; from now on kept with the daily rows.
            migrationBuilder.Sql(
                "INSERT INTO regency_totals (RegencyCode, Kind, Count) SELECT RegencyCode, Kind, SUM(Count) FROM daily_counts GROUP BY RegencyCode, Kind;");
            migrationBuilder.Sql(
                "INSERT INTO province_totals (ProvinceCode, Kind, Count) SELECT ProvinceCode, Kind, SUM(Count) FROM province_daily_counts GROUP BY ProvinceCode, Kind;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "province_totals");

            migrationBuilder.DropTable(
                name: "regency_totals");
        }
    }
}
